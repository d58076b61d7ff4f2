using BenchmarkDotNet.Attributes;
using ContactKit.DataSubjects;
using ContactKit.Calendars;
using NodaTime;

namespace ContactKit.Benchmarks.DataSubjects;

/// <summary>
/// Parsing identifiers as a contact-centre form would (spaces, mixed case), and one rights-request workflow step, which
/// recalculates the statutory deadline with the England and Wales calendar.
/// </summary>
[MemoryDiagnoser]
public class DataSubjectsBenchmarks
{
    private static readonly ActorId Officer = ActorId.Parse("officer");
    private static readonly LocalDate Received = new(2026, 3, 2);
    private readonly RightsRequestWorkflow _workflow = new(new UkTenantCalendars(UkDivision.EnglandAndWales));
    private RightsRequest _received = null!;
    private RightsRequestCommand _start = null!;

    [GlobalSetup]
    public void Setup()
    {
        _received = _workflow.Receive(
            TenantId.Parse("council"),
            RightsRequestId.Parse("req-1"),
            DataSubjectId.Parse("caller-1"),
            DataSubjectRight.Access,
            new RequestIntake { Channel = Channel.Email, Description = "copy please" },
            Officer,
            Instant.FromUtc(2026, 3, 2, 10, 0),
            Received).Value;
        _start = RightsRequestCommand.Start(Officer, Instant.FromUtc(2026, 3, 3, 10, 0), Received.PlusDays(1));
    }

    [Benchmark]
    public bool ParseNationalInsuranceNumber() => NationalInsuranceNumber.ParseText("ab 12 34 56 c").IsSuccess;

    [Benchmark]
    public bool ParseTelephoneNumber() => TelephoneNumber.ParseText("020 7946 0123").IsSuccess;

    [Benchmark]
    public bool ParsePostcode() => UkPostcode.ParseText("sw1a 1aa").IsSuccess;

    [Benchmark]
    public bool ParseVehicleRegistration() => VehicleRegistration.ParseText("ab12 cde").IsSuccess;

    [Benchmark]
    public LocalDate WorkflowStepWithDeadline() => _workflow.Apply(_received, _start).Value.DueOn;
}
