using System.Diagnostics.CodeAnalysis;
using ContactKit.DataSubjects;
using ContactKit.Calendars;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IRightsRequestStore"/> must show: tenant isolation, versioned updates that catch
/// concurrent writers, append-only history, and the due-date query. Inherit it and return a fresh, empty store from
/// <see cref="CreateStore"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class RightsRequestStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly DataSubjectId Alice = DataSubjectId.Parse("alice");
    private static readonly ActorId Officer = ActorId.Parse("officer-1");
    private static readonly LocalDate Monday = new(2026, 3, 2);
    private static readonly RightsRequestWorkflow Workflow = new(new UkTenantCalendars(UkDivision.EnglandAndWales));

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IRightsRequestStore CreateStore();

    /// <summary>A new request is stored at version 1 and reads back equal.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AddAsync_NewRequest_StoredAtVersionOneAndReadBack()
    {
        var store = CreateStore();
        var request = NewRequest(TenantA, "req-1", Monday);

        var stored = await store.AddAsync(request);
        var read = await store.GetAsync(TenantA, request.Id);

        Assert.True(stored.IsSuccess, stored.Error?.ToString());
        Assert.Equal(1, stored.Value.Version);
        Assert.Equal(stored.Value, read.Value);
    }

    /// <summary>The same id cannot be added twice in a tenant, but another tenant may use it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AddAsync_SameIdTwice_RefusedInTheTenantOnly()
    {
        var store = CreateStore();
        await store.AddAsync(NewRequest(TenantA, "req-1", Monday));

        var again = await store.AddAsync(NewRequest(TenantA, "req-1", Monday));
        var otherTenant = await store.AddAsync(NewRequest(TenantB, "req-1", Monday));

        Assert.Equal(DataSubjectsErrorCodes.DuplicateRequest, again.Error?.Code);
        Assert.True(otherTenant.IsSuccess);
    }

    /// <summary>A tenant never reads, lists or updates another tenant's requests.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reads_OtherTenant_NeverSeeTheRequest()
    {
        var store = CreateStore();
        var stored = (await store.AddAsync(NewRequest(TenantA, "req-1", Monday))).Value;

        var get = await store.GetAsync(TenantB, stored.Id);
        var bySubject = await store.ListBySubjectAsync(TenantB, Alice).ToListAsync();
        var due = await store.ListOpenDueByAsync(TenantB, Monday.PlusYears(1)).ToListAsync();
        var update = await store.UpdateAsync(stored with { Tenant = TenantB });

        Assert.Equal(ErrorCodes.NotFound, get.Error?.Code);
        Assert.Empty(bySubject);
        Assert.Empty(due);
        Assert.Equal(ErrorCodes.NotFound, update.Error?.Code);
    }

    /// <summary>An update at the current version is stored at the next version.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task UpdateAsync_CurrentVersion_StoredAtNextVersion()
    {
        var store = CreateStore();
        var stored = (await store.AddAsync(NewRequest(TenantA, "req-1", Monday))).Value;
        var started = Workflow.Apply(stored, RightsRequestCommand.Start(Officer, At(Monday), Monday)).Value;

        var updated = await store.UpdateAsync(started);
        var read = await store.GetAsync(TenantA, stored.Id);

        Assert.Equal(2, updated.Value.Version);
        Assert.Equal(RightsRequestState.InProgress, read.Value.State);
        Assert.Equal(2, read.Value.History.Length);
    }

    /// <summary>An update based on a version that is no longer current is refused, and the stored request is unchanged.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task UpdateAsync_StaleVersion_RefusedAsVersionConflict()
    {
        var store = CreateStore();
        var stored = (await store.AddAsync(NewRequest(TenantA, "req-1", Monday))).Value;
        await store.UpdateAsync(Workflow.Apply(stored, RightsRequestCommand.Start(Officer, At(Monday), Monday)).Value);

        var stale = await store.UpdateAsync(Workflow.Apply(stored, RightsRequestCommand.Withdraw(Officer, At(Monday), Monday)).Value);
        var read = await store.GetAsync(TenantA, stored.Id);

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(RightsRequestState.InProgress, read.Value.State);
    }

    /// <summary>An update that changes or drops an earlier history event is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task UpdateAsync_HistoryRewrittenOrDropped_Refused()
    {
        var store = CreateStore();
        var stored = (await store.AddAsync(NewRequest(TenantA, "req-1", Monday))).Value;
        var rewritten = stored with { History = [stored.History[0] with { Detail = "changed" }] };
        var dropped = stored with { History = [] };

        var first = await store.UpdateAsync(rewritten);
        var second = await store.UpdateAsync(dropped);

        Assert.Equal(DataSubjectsErrorCodes.HistoryRewritten, first.Error?.Code);
        Assert.Equal(DataSubjectsErrorCodes.HistoryRewritten, second.Error?.Code);
        Assert.Equal(stored, (await store.GetAsync(TenantA, stored.Id)).Value);
    }

    /// <summary>When many writers race from the same version, exactly one wins; with retries, no writer's change is lost.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task UpdateAsync_ConcurrentWriters_OneWinsPerVersionAndRetriesLoseNothing()
    {
        var store = CreateStore();
        var stored = (await store.AddAsync(NewRequest(TenantA, "req-1", Monday))).Value;
        var started = Workflow.Apply(stored, RightsRequestCommand.Start(Officer, At(Monday), Monday)).Value;

        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await store.UpdateAsync(started))));
        Assert.Single(racing, r => r.IsSuccess);
        Assert.All(racing.Where(r => r.IsFailure), r => Assert.Equal(ErrorCodes.VersionConflict, r.Error!.Code));

        const int Writers = 8;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var current = (await store.GetAsync(TenantA, stored.Id)).Value;
                var next = Workflow.Apply(current, RightsRequestCommand.AuthoriseErasure(ActorId.Parse($"writer-{w}"), At(Monday), Monday)).Value;
                var withNote = next with { History = current.History.Add(next.History[^1] with { Detail = $"writer {w}" }) };
                if ((await store.UpdateAsync(withNote)).IsSuccess)
                {
                    return;
                }
            }
        })));

        var final = (await store.GetAsync(TenantA, stored.Id)).Value;
        Assert.Equal(2 + Writers, final.History.Length);
        Assert.Equal(2 + Writers, final.Version);
        Assert.Equal(Enumerable.Range(0, Writers).Select(w => $"writer {w}").Order(), final.History.Skip(2).Select(e => e.Detail!).Order());
    }

    /// <summary>The due query lists open requests due by the date, earliest first, and leaves out closed ones.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ListOpenDueByAsync_MixedRequests_ReturnsOpenDueEarliestFirst()
    {
        var store = CreateStore();
        var late = (await store.AddAsync(NewRequest(TenantA, "req-late", Monday.PlusDays(10)))).Value;
        var early = (await store.AddAsync(NewRequest(TenantA, "req-early", Monday))).Value;
        var closed = (await store.AddAsync(NewRequest(TenantA, "req-closed", Monday))).Value;
        await store.UpdateAsync(Workflow.Apply(closed, RightsRequestCommand.Withdraw(Officer, At(Monday), Monday)).Value);
        var farFuture = (await store.AddAsync(NewRequest(TenantA, "req-far", Monday.PlusMonths(3)))).Value;

        var due = await store.ListOpenDueByAsync(TenantA, late.DueOn).ToListAsync();

        Assert.Equal([early.Id, late.Id], due.Select(r => r.Id));
        Assert.DoesNotContain(due, r => r.Id == farFuture.Id);
    }

    /// <summary>A subject's requests are listed in the order they were added.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ListBySubjectAsync_SeveralRequests_InOrderAdded()
    {
        var store = CreateStore();
        await store.AddAsync(NewRequest(TenantA, "req-2", Monday));
        await store.AddAsync(NewRequest(TenantA, "req-1", Monday));
        await store.AddAsync(NewRequest(TenantA, "req-3", Monday) with { Subject = DataSubjectId.Parse("bob") });

        var listed = await store.ListBySubjectAsync(TenantA, Alice).ToListAsync();

        Assert.Equal(["req-2", "req-1"], listed.Select(r => r.Id.Value));
    }

    private static RightsRequest NewRequest(TenantId tenant, string id, LocalDate on) =>
        Workflow.Receive(
            tenant,
            RightsRequestId.Parse(id),
            Alice,
            DataSubjectRight.Erasure,
            new RequestIntake { Channel = Channel.Email, Description = "Please delete my enquiry." },
            Officer,
            At(on),
            on).Value;

    private static Instant At(LocalDate on) => on.AtMidnight().InUtc().ToInstant().Plus(Duration.FromHours(10));
}
