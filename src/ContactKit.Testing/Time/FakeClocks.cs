using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Testing;

/// <summary>Creates NodaTime <see cref="FakeClock"/>s started at a chosen moment.</summary>
public static class FakeClocks
{
    /// <summary>A clock stopped at an instant, which moves only when the test advances it.</summary>
    /// <param name="start">The instant.</param>
    /// <param name="autoAdvance">How far the clock moves each time it is read; none by default.</param>
    /// <returns>The clock.</returns>
    public static FakeClock At(Instant start, Duration? autoAdvance = null) =>
        new(start, autoAdvance ?? Duration.Zero);

    /// <summary>A clock stopped at a UTC date and time.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month.</param>
    /// <param name="hour">The hour, 0 to 23.</param>
    /// <param name="minute">The minute.</param>
    /// <returns>The clock.</returns>
    public static FakeClock AtUtc(int year, int month, int day, int hour = 0, int minute = 0) =>
        At(Instant.FromUtc(year, month, day, hour, minute));

    /// <summary>A clock stopped at a local date and time in a zone (Europe/London by default), resolved leniently in a daylight-saving gap or overlap.</summary>
    /// <param name="local">The local date and time.</param>
    /// <param name="zoneId">The IANA zone id.</param>
    /// <returns>The clock.</returns>
    public static FakeClock AtLocal(LocalDateTime local, string zoneId = "Europe/London") =>
        At(local.InZoneLeniently(DateTimeZoneProviders.Tzdb[zoneId]).ToInstant());
}
