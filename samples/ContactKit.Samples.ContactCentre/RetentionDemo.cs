using ContactKit;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Samples.ContactCentre;

/// <summary>
/// A council contact centre (the commitments of notice 001) keeps call recordings and transcripts for six months and
/// case records for six years. The demo plans the disposal of a morning's calls, moves the clock on six months, and
/// disposes of what is due while a legal hold protects one recording.
/// </summary>
public static class RetentionDemo
{
    private const string ScheduleJson = """
        {
          "name": "Council contact centre",
          "rules": [
            { "name": "recordings", "recordClass": "call_recording", "trigger": "interaction_ended", "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" },
            { "name": "transcripts", "recordClass": "transcript", "trigger": "interaction_ended", "period": "P6M", "action": "delete", "reason": "public_task", "source": "notice 001" },
            { "name": "case-records", "recordClass": "case_record", "trigger": "case_closed", "period": "P6Y", "action": "delete", "reason": "public_task", "source": "notice 001" }
          ]
        }
        """;

    private static readonly ZonedDateTimePattern When = ZonedDateTimePattern.CreateWithInvariantCulture("d MMM uuuu HH:mm", null);

    /// <summary>Runs the demo.</summary>
    /// <param name="output">Where it prints.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var schedule = RetentionScheduleJson.ParseText(ScheduleJson).Value;
        var clock = FakeClocks.AtLocal(new LocalDateTime(2026, 3, 2, 9, 0));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddRetention(o => o.Schedule = schedule).UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var retention = provider.GetRequiredService<RetentionService>();
        var planner = provider.GetRequiredService<DisposalPlanner>();
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        var tenant = TenantId.Parse("council");

        output.WriteLine($"Schedule '{schedule.Name}':");
        foreach (var rule in schedule.Rules)
        {
            output.WriteLine($"  {rule.Name}: {rule.Describe()} ({rule.Source}, kept for {rule.Reason})");
        }

        output.WriteLine();
        output.WriteLine("This morning's calls:");
        string[] callers = ["caller-ann", "caller-bob", "caller-cat"];
        for (var i = 0; i < callers.Length; i++)
        {
            var ended = clock.GetCurrentInstant() + Duration.FromMinutes(7 + (11 * i));
            foreach (var (recordClass, kind) in new[] { (RecordClass.CallRecording, "rec"), (RecordClass.Transcript, "txt") })
            {
                var item = new RetainedItem
                {
                    Tenant = tenant,
                    Id = RetainedItemId.Parse($"{kind}-{i + 1}"),
                    RecordClass = recordClass,
                    CreatedAt = ended,
                    Subject = DataSubjectId.Parse(callers[i]),
                    Interaction = InteractionId.Parse($"call-{i + 1}"),
                    Resource = new ResourceRef(recordClass == RecordClass.CallRecording ? "recording" : "transcript", $"call-{i + 1}"),
                }.WithTrigger(RetentionTrigger.InteractionEnded, ended);
                var decision = (await retention.TrackAsync(item)).Value;
                output.WriteLine($"  {item.Id} ({recordClass}) of call-{i + 1}, ended {When.Format(ended.InZone(london))}: delete at {When.Format(decision.DisposeAt!.Value.InZone(london))}");
            }
        }

        var hold = (await retention.PlaceHoldAsync(tenant, HoldTarget.ForItem(RetainedItemId.Parse("rec-2")), "complaint about call-2 under investigation", ActorId.Parse("complaints-officer"))).Value;
        output.WriteLine();
        output.WriteLine($"Legal hold {hold.Target} placed: {hold.Reason}.");

        // Six months and a morning on: every call's six months have run.
        clock.Reset(new LocalDateTime(2026, 9, 2, 12, 0).InZoneStrictly(london).ToInstant());
        output.WriteLine();
        output.WriteLine($"Six months later, {When.Format(clock.GetCurrentInstant().InZone(london))}:");
        output.WriteLine((await retention.ExplainAsync(tenant, RetainedItemId.Parse("rec-2"))).Value.Explain().TrimEnd());

        var run = await planner.RunOnceAsync(tenant, ActorId.Parse("nightly-sweep"), new SampleDisposer(output));
        output.WriteLine($"Sweep claimed {run.Claimed} items and disposed of {run.Proofs.Length}; rec-2 stays under hold.");

        var audit = provider.GetRequiredService<IAuditTrail>();
        await foreach (var entry in audit.ReadByTenantAsync(tenant))
        {
            if (entry.Action == DisposalPlanner.DisposedAction)
            {
                output.WriteLine($"  proof #{entry.Sequence}: {entry.Resource} by rule '{entry.Details["rule"]}', worker {entry.Details["worker"]}, hash {entry.Details["content_hash"]}");
            }
        }

        await retention.ReleaseHoldAsync(tenant, hold.Id, ActorId.Parse("complaints-officer"), "complaint resolved");
        var after = await planner.RunOnceAsync(tenant, ActorId.Parse("nightly-sweep"), new SampleDisposer(output));
        output.WriteLine($"Hold released; the next sweep disposed of {after.Proofs.Length} more: {string.Join(", ", after.Proofs.Select(p => p.Item))}.");
    }

    private sealed class SampleDisposer(TextWriter output) : IRetainedItemDisposer
    {
        public ValueTask<Result<DestructionReceipt>> DisposeAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
        {
            output.WriteLine($"  securely deleting {item.Item.Resource} ({item.Id})");
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(item.Id.Value)))[..12];
            return new(new DestructionReceipt($"sha256:{hash}", "sample-storage"));
        }
    }
}
