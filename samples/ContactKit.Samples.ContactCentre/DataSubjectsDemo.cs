using ContactKit.Calendars;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// A caller rings a council contact centre and, on the same call, asks for a copy of the recording of an earlier call
/// and for their enquiry to be erased. The demo logs both requests with the identity check made on the phone, prints
/// their statutory deadlines, exports the copy (flagging the officer's voice for redaction review), and decides the
/// erasure item by item, keeping the case record and a complaint under legal hold.
/// </summary>
public static class DataSubjectsDemo
{
    private static readonly TenantId Council = TenantId.Parse("riverside-council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("resident-4471");
    private static readonly ActorId Officer = ActorId.Parse("officer-jones");
    private static readonly ActorId Dpo = ActorId.Parse("data-protection-officer");

    /// <summary>Runs the demo.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = FakeClocks.AtLocal(new LocalDateTime(2026, 3, 2, 11, 20));
        var (recorder, crm) = Sources();
        var services = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddSingleton<IPersonalDataSource>(recorder)
            .AddSingleton<IPersonalDataSource>(crm);
        services.AddContactKit().AddCalendars(o => o.DefaultDivision = UkDivision.EnglandAndWales).AddRetention().AddDataSubjects().UseRetentionForErasure().UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var requests = provider.GetRequiredService<RightsRequestService>();
        await provider.GetRequiredService<IRetentionStore>().AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("hold-ombudsman-17"),
            Tenant = Council,
            Target = HoldTarget.ForItem(RetainedItemId.Parse("complaint-88")),
            Reason = "complaint referred to the ombudsman",
            PlacedBy = Dpo,
            PlacedAt = clock.GetCurrentInstant(),
        });

        // What the caller gave on the phone, validated and shown masked as it would appear in a log.
        var today = requests.Today(Council);
        await output.WriteLineAsync("The caller gives their details (shown masked, as logs see them):");
        await output.WriteLineAsync($"  name {PersonName.Parse("  Alex   Morgan ")}, phone {TelephoneNumber.Parse("07700 900461")}, postcode {UkPostcode.Parse("rv1 4qh")}, born {DateOfBirth.Parse("14/06/1985", today)}");
        var badNino = NationalInsuranceNumber.ParseText("QQ 12 34 56 C");
        await output.WriteLineAsync($"  National Insurance number refused: {badNino.Error}");

        var intake = new RequestIntake
        {
            Channel = Channel.VoiceCall,
            Description = "Caller asked for a copy of the recording of their call on 2 February and for their garden-waste enquiry to be deleted.",
            IdentityCheck = new IdentityCheck([IdentityCheckMethod.KnowledgeBasedQuestions, IdentityCheckMethod.CallbackToNumberOnFile], Officer, IdentityCheckOutcome.Verified, "address and date of birth matched; called back on the number held"),
        };
        var access = (await requests.ReceiveAsync(Council, Caller, DataSubjectRight.Access, intake, Officer)).Value;
        var erasure = (await requests.ReceiveAsync(Council, Caller, DataSubjectRight.Erasure, intake, Officer)).Value;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Identity checked on the call by {string.Join(" and ", intake.IdentityCheck.Methods)}: {intake.IdentityCheck.Outcome}.");
        foreach (var request in new[] { access, erasure })
        {
            await output.WriteLineAsync($"{request.Right} request ({request.Right.Article()}) received {request.ReceivedOn.ToIso()}: due {request.DueOn.ToIso()}, an extension must be notified by {request.ExtensionNoticeDueOn.ToIso()}.");
        }

        access = (await requests.ApplyAsync(Council, access.Id, (at, on) => RightsRequestCommand.Start(Officer, at, on))).Value;
        erasure = (await requests.ApplyAsync(Council, erasure.Id, (at, on) => RightsRequestCommand.Start(Officer, at, on))).Value;

        // The copy: one JSON document streamed from every source, with a readable summary.
        clock.AdvanceDays(3);
        using var json = new MemoryStream();
        var summary = await provider.GetRequiredService<SubjectAccessExporter>().ExportAsync(Council, Caller, json, access.Id);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Subject-access export: {json.Length:N0} bytes of JSON. Summary:");
        foreach (var line in summary.ToReadableText().TrimEnd().Split('\n'))
        {
            await output.WriteLineAsync($"  {line}");
        }

        access = (await requests.ApplyAsync(Council, access.Id, (at, on) => RightsRequestCommand.Complete(Officer, at, on, "copy sent after redaction review of the officer's voice"))).Value;
        await output.WriteLineAsync($"Access request {access.State} on {access.ClosedOn!.Value.ToIso()}, {Days(access.ReceivedOn, access.ClosedOn!.Value)} days after receipt.");
        var reopen = await requests.ApplyAsync(Council, access.Id, (at, on) => RightsRequestCommand.Start(Officer, at, on));
        await output.WriteLineAsync($"Trying to reopen it: {reopen.Error}");

        // The erasure: authorised, then decided item by item against holds and the retention schedule.
        clock.AdvanceDays(1);
        erasure = (await requests.ApplyAsync(Council, erasure.Id, (at, on) => RightsRequestCommand.AuthoriseErasure(Dpo, at, on))).Value;
        var erasures = provider.GetRequiredService<ErasureService>();
        var plan = (await erasures.PlanAsync(erasure, item => item.Source == "crm")).Value;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Erasure authorised by {erasure.ErasureAuthorisation!.By} on {plan.AuthorisedOn.ToIso()}; deletion due by {plan.EraseBy.ToIso()}.");
        foreach (var decision in plan.Decisions)
        {
            await output.WriteLineAsync($"  {decision.Item.Description}: {decision.Verdict} ({decision.Article})");
        }

        var answer = await erasures.ExecuteAsync(plan);
        erasure = (await requests.ApplyAsync(Council, erasure.Id, (at, on) => RightsRequestCommand.Complete(Officer, at, on, $"{answer.Erased.Length} erased, {answer.Kept.Length} kept"))).Value;
        await output.WriteLineAsync("The answer sent to the caller:");
        foreach (var line in answer.ToReadableText().TrimEnd().Split('\n'))
        {
            await output.WriteLineAsync($"  {line}");
        }

        await output.WriteLineAsync($"Erasure request {erasure.State}; history: {string.Join(" -> ", erasure.History.Select(e => e.Action))}.");
    }

    private static int Days(LocalDate from, LocalDate to) => Period.DaysBetween(from, to);

    private static string ToIso(this LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static (InMemoryPersonalDataSource Recorder, InMemoryPersonalDataSource Crm) Sources()
    {
        var recorder = new InMemoryPersonalDataSource("call-recorder").Add(Council, Caller, new PersonalDataRecord
        {
            Item = Item("rec-0202", DataCategories.CallRecording, LawfulBasis.PublicTask, "call on 2 February about garden waste", "call_recording"),
            Recording = new RecordingCopy
            {
                Recording = RecordingId.Parse("rec-0202"),
                MediaReference = "recordings/2026/02/rec-0202.opus",
                StartedAt = Instant.FromUtc(2026, 2, 2, 10, 5),
                Length = Duration.FromMinutes(7),
                Participants = [new(PartyId.Parse("resident-4471"), "caller", IsSubject: true), new(PartyId.Parse("officer-patel"), "officer", IsSubject: false)],
            },
        });
        var crm = new InMemoryPersonalDataSource("crm")
            .Add(Council, Caller, new PersonalDataRecord
            {
                Item = Item("enq-311", DataCategories.ReasonForContact, LawfulBasis.LegitimateInterests, "garden-waste enquiry of 2 February", "enquiry"),
                Fields = [new("reason", "asked about garden-waste collection dates")],
            })
            .Add(Council, Caller, Item("case-902", DataCategories.Interaction, LawfulBasis.PublicTask, "missed-collection case record", "case_record"))
            .Add(Council, Caller, Item("complaint-88", DataCategories.Complaint, LawfulBasis.PublicTask, "complaint about the missed collection", "complaint") with
            {
                RetainedItem = RetainedItemId.Parse("complaint-88"),
            });
        return (recorder, crm);
    }

    private static PersonalDataItem Item(string id, DataCategory category, LawfulBasis basis, string description, string recordClass) => new()
    {
        Source = "set-by-source",
        ItemId = id,
        Category = category.Key,
        LawfulBasis = basis,
        Purpose = Purpose.ServiceDelivery,
        Description = description,
        RecordClass = recordClass,
    };
}
