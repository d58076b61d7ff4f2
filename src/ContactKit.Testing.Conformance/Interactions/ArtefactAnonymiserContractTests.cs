using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using ContactKit.Interactions;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IArtefactAnonymiser"/> must show: anonymising content reports the checksum of what it
/// was and keeps what is left, anonymising it again changes nothing, content that is not there is <c>CK0010</c>, and one
/// tenant never anonymises another's. Inherit it, return a fresh anonymiser from <see cref="CreateAnonymiser"/>, put content
/// in it with <see cref="PutAsync"/> and say whether content is still kept with <see cref="IsKeptAsync"/>.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class ArtefactAnonymiserContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");

    /// <summary>Creates a new, empty anonymiser for one test.</summary>
    /// <returns>The anonymiser under test.</returns>
    protected abstract IArtefactAnonymiser CreateAnonymiser();

    /// <summary>Stores an artefact's content, as the host does when the artefact is made.</summary>
    /// <param name="anonymiser">The anonymiser.</param>
    /// <param name="artefact">The artefact, with its location.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The work.</returns>
    protected abstract ValueTask PutAsync(IArtefactAnonymiser anonymiser, StoredArtefact artefact, byte[] content);

    /// <summary>Whether the host still keeps content for the artefact (anonymised or not).</summary>
    /// <param name="anonymiser">The anonymiser.</param>
    /// <param name="artefact">The artefact.</param>
    /// <returns><see langword="true"/> when content is kept.</returns>
    protected abstract ValueTask<bool> IsKeptAsync(IArtefactAnonymiser anonymiser, StoredArtefact artefact);

    /// <summary>Anonymising keeps the content and reports the checksum of what it was; a second time changes nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AnonymiseAsync_Twice_KeepsTheContentAndReportsWhatItWasOnce()
    {
        var anonymiser = CreateAnonymiser();
        var artefact = New(TenantA);
        byte[] content = [1, 2, 3, 4];
        await PutAsync(anonymiser, artefact, content);

        var first = await anonymiser.AnonymiseAsync(artefact);
        var second = await anonymiser.AnonymiseAsync(artefact);

        Assert.True(first.IsSuccess, first.Error?.ToString());
        Assert.True(first.Value is null || first.Value == Convert.ToHexStringLower(SHA256.HashData(content)));
        Assert.True(second.IsSuccess, second.Error?.ToString());
        Assert.True(second.Value is null || second.Value == first.Value);
        Assert.True(await IsKeptAsync(anonymiser, artefact));
    }

    /// <summary>Content that is not there cannot be anonymised.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AnonymiseAsync_NothingThere_IsNotFound()
    {
        var anonymiser = CreateAnonymiser();

        var result = await anonymiser.AnonymiseAsync(New(TenantA));

        Assert.Equal(ErrorCodes.NotFound, result.Error?.Code);
    }

    /// <summary>One tenant cannot anonymise another tenant's content.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AnonymiseAsync_OtherTenant_IsNotFound()
    {
        var anonymiser = CreateAnonymiser();
        var artefact = New(TenantA);
        await PutAsync(anonymiser, artefact, [9]);

        var other = await anonymiser.AnonymiseAsync(artefact with { Tenant = TenantB });
        var own = await anonymiser.AnonymiseAsync(artefact);

        Assert.Equal(ErrorCodes.NotFound, other.Error?.Code);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([9])), own.Value);
    }

    private static StoredArtefact New(TenantId tenant)
    {
        var interaction = InteractionId.Parse("int-1");
        return new StoredArtefact
        {
            Tenant = tenant,
            Interaction = interaction,
            Name = "survey",
            Kind = ArtefactKind.SurveyAnswer,
            RetainedItem = StoredArtefact.RetainedItemFor(interaction, "survey"),
            StoredAt = Instant.FromUtc(2026, 3, 2, 9, 30),
            Location = "crm://int-1/survey",
        };
    }
}
