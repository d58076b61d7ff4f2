using System.Collections.Immutable;
using ContactKit.Calendars;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Requests;

internal static class RequestFixtures
{
    public static readonly TenantId Council = TenantId.Parse("council");
    public static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    public static readonly ActorId Officer = ActorId.Parse("officer-7");
    public static readonly LocalDate Monday2March = new(2026, 3, 2);
    public static readonly RightsRequestWorkflow Workflow = new(new UkTenantCalendars(UkDivision.EnglandAndWales));

    public static RequestIntake ByEmail { get; } = new() { Channel = Channel.Email, Description = "Please send me a copy of my call recording." };

    public static RequestIntake ByPhone { get; } = new()
    {
        Channel = Channel.VoiceCall,
        Description = "Caller asked for their enquiry to be deleted.",
        IdentityCheck = new IdentityCheck([IdentityCheckMethod.KnowledgeBasedQuestions, IdentityCheckMethod.CallbackToNumberOnFile], Officer, IdentityCheckOutcome.Verified),
    };

    public static Instant At(LocalDate on) => on.At(new LocalTime(10, 0)).InUtc().ToInstant();

    public static RightsRequest Receive(DataSubjectRight right, LocalDate on, RequestIntake? intake = null) =>
        Workflow.Receive(Council, RightsRequestId.New(), Caller, right, intake ?? ByEmail, Officer, At(on), on).Value;

    public static Result<RightsRequest> Apply(RightsRequest request, Func<ActorId, Instant, LocalDate, RightsRequestCommand> command, LocalDate on) =>
        Workflow.Apply(request, command(Officer, At(on), on));

    public static ImmutableArray<string> Reasons(params string[] reasons) => [.. reasons];
}
