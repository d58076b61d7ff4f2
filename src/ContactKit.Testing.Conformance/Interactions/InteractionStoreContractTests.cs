using System.Diagnostics.CodeAnalysis;
using ContactKit.Interactions;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IInteractionStore"/> must show: what is read is what was saved, versions catch
/// concurrent writers, subjects find their interactions, and tenants never meet. Inherit it and return a fresh, empty
/// store from <see cref="CreateStore"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class InteractionStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly DataSubjectId Alice = DataSubjectId.Parse("alice");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IInteractionStore CreateStore();

    /// <summary>A new interaction is stored at version 1 and reads back with its recordings and subjects.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_NewInteraction_ReadsBackAtVersionOne()
    {
        var store = CreateStore();
        var interaction = New(TenantA, "int-1") with
        {
            Recordings = [RecordingId.Parse("rec-1"), RecordingId.Parse("rec-2")],
            Subjects = [new SubjectLink(PartyId.Parse("caller"), Alice, Start)],
            Case = CaseId.Parse("case-1"),
        };

        var saved = await store.SaveAsync(interaction);
        var read = await store.GetAsync(TenantA, interaction.Id);

        Assert.True(saved.IsSuccess, saved.Error?.ToString());
        Assert.Equal(1, read.Value.Version);
        Assert.Equal(interaction with { Version = 1 }, read.Value);
    }

    /// <summary>A save based on a stale version is refused and changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task SaveAsync_StaleVersion_RefusedWithVersionConflict()
    {
        var store = CreateStore();
        var first = (await store.SaveAsync(New(TenantA, "int-1"))).Value;
        var second = (await store.SaveAsync(first with { EndedAt = Start.Plus(Duration.FromMinutes(5)) })).Value;

        var stale = await store.SaveAsync(first with { Case = CaseId.Parse("case-9") });
        var newAgain = await store.SaveAsync(New(TenantA, "int-1"));

        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(ErrorCodes.VersionConflict, newAgain.Error?.Code);
        Assert.Equal(second, (await store.GetAsync(TenantA, first.Id)).Value);
    }

    /// <summary>A subject finds the interactions they took part in, earliest first, and no others.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task FindBySubjectAsync_ReturnsTheSubjectsInteractionsEarliestFirst()
    {
        var store = CreateStore();
        var link = new SubjectLink(PartyId.Parse("caller"), Alice, Start);
        await store.SaveAsync(New(TenantA, "later", Start.Plus(Duration.FromDays(1))) with { Subjects = [link] });
        await store.SaveAsync(New(TenantA, "earlier") with { Subjects = [link] });
        await store.SaveAsync(New(TenantA, "someone-else") with { Subjects = [link with { Subject = DataSubjectId.Parse("bob") }] });

        var found = await store.FindBySubjectAsync(TenantA, Alice).Select(i => i.Id.Value).ToListAsync();

        Assert.Equal(["earlier", "later"], found);
    }

    /// <summary>One tenant never reads or finds another tenant's interaction.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Reads_OtherTenant_NeverSeeTheInteraction()
    {
        var store = CreateStore();
        await store.SaveAsync(New(TenantA, "int-1") with { Subjects = [new SubjectLink(PartyId.Parse("caller"), Alice, Start)] });

        var get = await store.GetAsync(TenantB, InteractionId.Parse("int-1"));
        var found = await store.FindBySubjectAsync(TenantB, Alice).ToListAsync();

        Assert.Equal(ErrorCodes.NotFound, get.Error?.Code);
        Assert.Empty(found);
    }

    private static InteractionRecord New(TenantId tenant, string id, Instant? at = null) =>
        new() { Tenant = tenant, Id = InteractionId.Parse(id), Channel = Channel.VoiceCall, StartedAt = at ?? Start };
}
