using NodaTime;

namespace ContactKit.Testing.Tests;

public class FakeClocksTests
{
    [Fact]
    public void AtLocal_SummerTimeInLondon_IsOneHourBeforeUtc() =>
        Assert.Equal(Instant.FromUtc(2026, 7, 1, 8, 0), FakeClocks.AtLocal(new LocalDateTime(2026, 7, 1, 9, 0)).GetCurrentInstant());

    [Fact]
    public void At_WithAutoAdvance_MovesEachTimeItIsRead()
    {
        var clock = FakeClocks.At(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromSeconds(1));

        var first = clock.GetCurrentInstant();
        var second = clock.GetCurrentInstant();

        Assert.Equal(Duration.FromSeconds(1), second - first);
    }
}
