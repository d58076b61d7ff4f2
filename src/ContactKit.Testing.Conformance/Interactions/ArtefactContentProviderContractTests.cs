using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using ContactKit.Interactions;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IArtefactContentProvider"/> must show: deleting content reports what was deleted,
/// deleting it again is <c>CK0010</c>, and one tenant never deletes another's. Inherit it, return a fresh provider from
/// <see cref="CreateProvider"/> and put content in it with <see cref="PutAsync"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class ArtefactContentProviderContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");

    /// <summary>Creates a new, empty provider for one test.</summary>
    /// <returns>The provider under test.</returns>
    protected abstract IArtefactContentProvider CreateProvider();

    /// <summary>Stores an artefact's content in the provider, as the host does when the artefact is made.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="artefact">The artefact, with its location.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The work.</returns>
    protected abstract ValueTask PutAsync(IArtefactContentProvider provider, StoredArtefact artefact, byte[] content);

    /// <summary>Deleting content returns its checksum (when the provider gives one); deleting it again finds nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task DeleteAsync_Twice_FirstDeletesThenNotFound()
    {
        var provider = CreateProvider();
        var artefact = New(TenantA);
        byte[] content = [1, 2, 3, 4];
        await PutAsync(provider, artefact, content);

        var first = await provider.DeleteAsync(artefact);
        var second = await provider.DeleteAsync(artefact);

        Assert.True(first.IsSuccess, first.Error?.ToString());
        Assert.True(first.Value is null || first.Value == Convert.ToHexStringLower(SHA256.HashData(content)));
        Assert.Equal(ErrorCodes.NotFound, second.Error?.Code);
    }

    /// <summary>One tenant cannot delete another tenant's content.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task DeleteAsync_OtherTenant_NotFoundAndContentKept()
    {
        var provider = CreateProvider();
        var artefact = New(TenantA);
        await PutAsync(provider, artefact, [9]);

        var other = await provider.DeleteAsync(artefact with { Tenant = TenantB });
        var own = await provider.DeleteAsync(artefact);

        Assert.Equal(ErrorCodes.NotFound, other.Error?.Code);
        Assert.True(own.IsSuccess, own.Error?.ToString());
    }

    private static StoredArtefact New(TenantId tenant)
    {
        var interaction = InteractionId.Parse("int-1");
        return new StoredArtefact
        {
            Tenant = tenant,
            Interaction = interaction,
            Name = "sentiment",
            Kind = ArtefactKind.Sentiment,
            RetainedItem = StoredArtefact.RetainedItemFor(interaction, "sentiment"),
            StoredAt = Instant.FromUtc(2026, 3, 2, 9, 30),
            Location = "crm://int-1/sentiment",
        };
    }
}
