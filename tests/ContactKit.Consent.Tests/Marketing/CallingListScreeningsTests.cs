using ContactKit.Consent;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Marketing;

public sealed class CallingListScreeningsTests
{
    private static readonly LocalDate Today = new(2026, 3, 31);
    private static readonly TenantId Council = TenantId.Parse("council");

    [Fact]
    public void GoingStale_AnyScreeningDatesAndWindow_CountsExactlyTheNumbersCallableTodayButRefusedAsStaleByTheWindowsEnd()
    {
        Gen.Select(Gen.Int[0, 60].Array[0, 40], Gen.Int[0, 27], Gen.Int[1, 28]).Sample(t =>
        {
            var (ages, window, validity) = t;
            var builder = new MarketingCallIndex.Builder();
            var numbers = new List<TelephoneNumber>();
            for (var i = 0; i < ages.Length; i++)
            {
                var number = TelephoneNumber.Parse($"07700 9{i:D5}");
                numbers.Add(number);
                builder.AddScreening(number, TelephonePreferenceRegisters.None, Today.PlusDays(-ages[i]));
            }

            var index = builder.Build(validity);
            var stale = index.GoingStale(Today, window);

            // The same facts through Decide: valid today, and stale on some day up to the end of the window.
            var expected = numbers.Where(n => index.Decide(n, Today).MayCall && !index.Decide(n, Today.PlusDays(window)).MayCall).ToList();
            var first = expected.Select(n => Enumerable.Range(1, window).Select(Today.PlusDays).First(d => !index.Decide(n, d).MayCall)).DefaultIfEmpty().Min();
            return stale.Count == expected.Count && stale.FirstStaleOn == (expected.Count == 0 ? null : first);
        });
    }

    [Fact]
    public void Publish_SameNameTwice_ReplacesTheIndexAndWithdrawRemovesIt()
    {
        var lists = new CallingListScreenings();
        var first = new MarketingCallIndex.Builder().Build();
        var second = new MarketingCallIndex.Builder().AddScreening(TelephoneNumber.Parse("07700 900001"), TelephonePreferenceRegisters.None, Today).Build();

        lists.Publish(Council, "spring", first);
        lists.Publish(Council, "spring", second);
        lists.Publish(TenantId.Parse("bureau"), "spring", first);

        Assert.Same(second, Assert.Single(lists.Read(Council)).Index);
        Assert.True(lists.Withdraw(Council, "spring"));
        Assert.Empty(lists.Read(Council));
        Assert.Single(lists.Read(TenantId.Parse("bureau")));
    }

    [Fact]
    public void Publish_NameThatIsNotAnId_IsRefusedNamingTheField()
    {
        var published = new CallingListScreenings().Publish(Council, "spring list!", new MarketingCallIndex.Builder().Build());

        Assert.Equal(ErrorCodes.InvalidId, published.Error?.Code);
        Assert.Equal("calling list name", published.Error?.Field);
    }
}
