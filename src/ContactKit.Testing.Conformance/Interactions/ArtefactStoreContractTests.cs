using System.Diagnostics.CodeAnalysis;
using ContactKit.Interactions;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IArtefactStore"/> must show: an artefact is stored once per interaction and name
/// and found by its retained item, versions catch concurrent writers, and tenants never meet. Inherit it and return a
/// fresh, empty store from <see cref="CreateStore"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class ArtefactStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly InteractionId Interaction = InteractionId.Parse("int-1");
    private static readonly Instant Stored = Instant.FromUtc(2026, 3, 2, 9, 30);

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IArtefactStore CreateStore();

    /// <summary>A stored artefact is found by its retained item, at version 1.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_NewArtefact_FoundByItsRetainedItem()
    {
        var store = CreateStore();
        var artefact = New(TenantA, "rec-1.audio");

        await store.SaveAsync(artefact);
        var read = await store.GetAsync(TenantA, artefact.RetainedItem);

        Assert.Equal(artefact with { Version = 1 }, read.Value);
    }

    /// <summary>Storing an artefact of the same name again is refused, so one artefact never has two retained items.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_SameNameTwice_RefusedAsAlreadyStored()
    {
        var store = CreateStore();
        await store.SaveAsync(New(TenantA, "rec-1.audio"));

        var again = await store.SaveAsync(New(TenantA, "rec-1.audio"));

        Assert.Equal(InteractionsErrorCodes.ArtefactAlreadyStored, again.Error?.Code);
    }

    /// <summary>A change saved at the read version is kept; one based on a stale version is refused.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_StaleVersion_RefusedWithVersionConflict()
    {
        var store = CreateStore();
        var first = (await store.SaveAsync(New(TenantA, "rec-1.audio"))).Value;
        var disposed = (await store.SaveAsync(first with { DisposedAt = Stored.Plus(Duration.FromDays(180)), DisposedBecause = DisposalReason.Retention })).Value;

        var stale = await store.SaveAsync(first with { Location = "elsewhere" });

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(disposed, (await store.GetAsync(TenantA, first.RetainedItem)).Value);
        Assert.True(disposed.IsDisposed);
    }

    /// <summary>An interaction's artefacts are listed in the order they were stored, disposed ones included.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadByInteractionAsync_ListsInStoredOrder()
    {
        var store = CreateStore();
        await store.SaveAsync(New(TenantA, "rec-1.audio"));
        await store.SaveAsync(New(TenantA, "sentiment") with { Kind = ArtefactKind.Sentiment, Recording = null });
        await store.SaveAsync(New(TenantA, "other") with { Interaction = InteractionId.Parse("int-2"), RetainedItem = StoredArtefact.RetainedItemFor(InteractionId.Parse("int-2"), "other") });

        var names = await store.ReadByInteractionAsync(TenantA, Interaction).Select(a => a.Name).ToListAsync();

        Assert.Equal(["rec-1.audio", "sentiment"], names);
    }

    /// <summary>One tenant never reads another tenant's artefacts, and may store its own of the same name.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reads_OtherTenant_NeverSeeTheArtefact()
    {
        var store = CreateStore();
        var artefact = New(TenantA, "rec-1.audio");
        await store.SaveAsync(artefact);

        var get = await store.GetAsync(TenantB, artefact.RetainedItem);
        var listed = await store.ReadByInteractionAsync(TenantB, Interaction).ToListAsync();
        var own = await store.SaveAsync(New(TenantB, "rec-1.audio"));

        Assert.Equal(ErrorCodes.NotFound, get.Error?.Code);
        Assert.Empty(listed);
        Assert.True(own.IsSuccess, own.Error?.ToString());
    }

    private static StoredArtefact New(TenantId tenant, string name) => new()
    {
        Tenant = tenant,
        Interaction = Interaction,
        Name = name,
        Kind = ArtefactKind.Audio,
        RetainedItem = StoredArtefact.RetainedItemFor(Interaction, name),
        StoredAt = Stored,
        Recording = RecordingId.Parse("rec-1"),
        Location = "memory://rec-1/audio",
        Sha256 = new string('a', 64),
    };
}
