using System.Diagnostics.CodeAnalysis;
using ContactKit.Interactions;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IDeletionRequestStore"/> must show: versions catch concurrent writers, open requests
/// are listed in the order they were made, and tenants never meet. Inherit it and return a fresh, empty store from
/// <see cref="CreateStore"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class DeletionRequestStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly Instant Asked = Instant.FromUtc(2026, 3, 2, 10, 0);

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IDeletionRequestStore CreateStore();

    /// <summary>A request moves on version by version; a save based on a stale version is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_StaleVersion_RefusedAndTheLaterDecisionKept()
    {
        var store = CreateStore();
        var requested = (await store.SaveAsync(New(TenantA, "del-1"))).Value;
        var authorised = (await store.SaveAsync(requested with { State = DeletionRequestState.Authorised, DueBy = new LocalDate(2026, 3, 30) })).Value;

        var stale = await store.SaveAsync(requested with { State = DeletionRequestState.Refused, RefusalReason = "late" });

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(2, authorised.Version);
        Assert.Equal(authorised, (await store.GetAsync(TenantA, requested.Id)).Value);
    }

    /// <summary>Only requested and authorised requests are open, listed in the order they were made.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadOpenAsync_ListsRequestedAndAuthorisedInOrder()
    {
        var store = CreateStore();
        await store.SaveAsync(New(TenantA, "del-1"));
        await store.SaveAsync(New(TenantA, "del-2") with { State = DeletionRequestState.Refused });
        await store.SaveAsync(New(TenantA, "del-3") with { State = DeletionRequestState.Authorised });
        await store.SaveAsync(New(TenantA, "del-4") with { State = DeletionRequestState.Completed });

        var open = await store.ReadOpenAsync(TenantA).Select(r => r.Id.Value).ToListAsync();

        Assert.Equal(["del-1", "del-3"], open);
    }

    /// <summary>One tenant never reads or lists another tenant's requests.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reads_OtherTenant_NeverSeeTheRequest()
    {
        var store = CreateStore();
        await store.SaveAsync(New(TenantA, "del-1"));

        var get = await store.GetAsync(TenantB, DeletionRequestId.Parse("del-1"));
        var open = await store.ReadOpenAsync(TenantB).ToListAsync();

        Assert.Equal(ErrorCodes.NotFound, get.Error?.Code);
        Assert.Empty(open);
    }

    private static DeletionRequest New(TenantId tenant, string id) => new()
    {
        Id = DeletionRequestId.Parse(id),
        Tenant = tenant,
        Recording = RecordingId.Parse("rec-1"),
        Interaction = InteractionId.Parse("int-1"),
        RequestedBy = ActorId.Parse("officer-1"),
        Reason = "the caller asked for the recording to be deleted",
        RequestedAt = Asked,
    };
}
