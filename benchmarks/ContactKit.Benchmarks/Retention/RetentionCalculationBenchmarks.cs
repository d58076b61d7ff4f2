using BenchmarkDotNet.Attributes;
using ContactKit.Calendars;
using ContactKit.Retention;
using NodaTime;

namespace ContactKit.Benchmarks.Retention;

/// <summary>One disposal date from one rule, and one statutory deadline on a UK working-day calendar (ContactKit.Calendars).</summary>
[MemoryDiagnoser]
public class RetentionCalculationBenchmarks
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private readonly RetentionRule _rule = new()
    {
        Name = "recordings-six-months",
        RecordClass = RecordClass.CallRecording,
        Trigger = RetentionTrigger.InteractionEnded,
        Period = Period.FromMonths(6),
        Action = DisposalAction.Delete,
        Reason = RetentionReason.PublicTask,
    };

    private readonly StatutoryDeadlines _deadlines = new(UkCalendars.EnglandAndWales);
    private readonly Instant _ended = Instant.FromUtc(2026, 8, 31, 14, 5);

    // Received the day before a run of Christmas holidays, with the fee paid late and one clarification wait: the due
    // date needs the wait counted and several working-day steps.
    private readonly RightsRequestClock _clock = RightsRequestClock.Create(
        new LocalDate(2026, 11, 20),
        feeReceived: new LocalDate(2026, 11, 25),
        clarifications: [new ClarificationWait(new LocalDate(2026, 11, 26), new LocalDate(2026, 11, 27))]).Value;

    [Benchmark]
    public Instant DisposalDateFromOneRule() => _rule.DisposalInstant(_ended, London);

    [Benchmark]
    public LocalDate RightsRequestDeadline() => _deadlines.RightsRequestDue(_clock);
}
