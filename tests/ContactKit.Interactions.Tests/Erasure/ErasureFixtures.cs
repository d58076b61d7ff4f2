using ContactKit.Calendars;
using ContactKit.DataSubjects;
using NodaTime;

namespace ContactKit.Interactions.Tests.Erasure;

/// <summary>One council, one caller and one officer, and an erasure request authorised on a given day.</summary>
internal static class ErasureFixtures
{
    public static readonly TenantId Council = TenantId.Parse("council");
    public static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    public static readonly ActorId Officer = ActorId.Parse("officer-7");
    public static readonly LocalDate Monday2March = new(2026, 3, 2);
    public static readonly RightsRequestWorkflow Workflow = new(new UkTenantCalendars(UkDivision.EnglandAndWales));

    private static readonly RequestIntake ByPhone = new()
    {
        Channel = Channel.VoiceCall,
        Description = "Caller asked for their enquiry to be deleted.",
        IdentityCheck = new IdentityCheck([IdentityCheckMethod.KnowledgeBasedQuestions, IdentityCheckMethod.CallbackToNumberOnFile], Officer, IdentityCheckOutcome.Verified),
    };

    public static Instant At(LocalDate on) => on.At(new LocalTime(10, 0)).InUtc().ToInstant();

    /// <summary>An erasure request received on Monday 2 March 2026 by phone, started, and authorised on <paramref name="on"/>.</summary>
    public static RightsRequest Authorised(LocalDate on)
    {
        var received = Workflow.Receive(Council, RightsRequestId.New(), Caller, DataSubjectRight.Erasure, ByPhone, Officer, At(Monday2March), Monday2March).Value;
        var started = Workflow.Apply(received, RightsRequestCommand.Start(Officer, At(Monday2March), Monday2March)).Value;
        return Workflow.Apply(started, RightsRequestCommand.AuthoriseErasure(Officer, At(on), on)).Value;
    }
}
