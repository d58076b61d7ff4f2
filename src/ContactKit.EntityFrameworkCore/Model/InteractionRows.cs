using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// One interaction of the interaction layer, in columns, versioned. Its recordings and subject links are small lists
/// kept as JSON arrays in two columns of the row, so that an interaction is always read whole in one statement; the
/// subjects are also in <see cref="InteractionSubjectRow"/>, the index a subject's interactions are found by.
/// </summary>
internal sealed class InteractionRow
{
    public const string Table = "contactkit_interactions";

    public required string Tenant { get; set; }

    public required string Id { get; set; }

    /// <summary>The channel's number in <see cref="ContactKit.Channel"/>.</summary>
    public int Channel { get; set; }

    /// <summary>When it started, in ticks since the Unix epoch.</summary>
    public long StartedAt { get; set; }

    /// <summary>When it ended, in ticks since the Unix epoch, once it has.</summary>
    public long? EndedAt { get; set; }

    public string? Case { get; set; }

    /// <summary>The recording ids in the order they started, as a JSON array of strings.</summary>
    public required string Recordings { get; set; }

    /// <summary>The subject links in the order they were made, as a JSON array of <see cref="SubjectLinkColumn"/>.</summary>
    public required string Subjects { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// That a data subject took part in an interaction: one row per subject and interaction, kept with the interaction's
/// row in the same transaction. What <c>FindBySubjectAsync</c> seeks.
/// </summary>
internal sealed class InteractionSubjectRow
{
    public const string Table = "contactkit_interaction_subjects";

    public required string Tenant { get; set; }

    public required string Subject { get; set; }

    public required string Interaction { get; set; }
}

/// <summary>
/// One stored artefact of an interaction and the retained item that governs it, in columns, versioned; numbered within
/// its interaction in the order stored.
/// </summary>
internal sealed class ArtefactRow
{
    public const string Table = "contactkit_artefacts";

    public required string Tenant { get; set; }

    public required string RetainedItem { get; set; }

    public required string Interaction { get; set; }

    /// <summary>The order the interaction's artefacts were stored in, from 1.</summary>
    public long Position { get; set; }

    public required string Name { get; set; }

    /// <summary>The kind's number in <see cref="ContactKit.Interactions.ArtefactKind"/>.</summary>
    public int Kind { get; set; }

    /// <summary>When it was stored, in ticks since the Unix epoch.</summary>
    public long StoredAt { get; set; }

    public string? Recording { get; set; }

    public string? Location { get; set; }

    public string? Sha256 { get; set; }

    /// <summary>When it was disposed of, in ticks since the Unix epoch, once it has been.</summary>
    public long? DisposedAt { get; set; }

    /// <summary>The reason's number in <see cref="ContactKit.Interactions.DisposalReason"/>, once disposed of.</summary>
    public int? DisposedBecause { get; set; }

    public long Version { get; set; }
}

/// <summary>One request that a recording be deleted, in columns, versioned; numbered per tenant in the order made.</summary>
internal sealed class DeletionRequestRow
{
    public const string Table = "contactkit_deletion_requests";

    public required string Tenant { get; set; }

    public required string Id { get; set; }

    /// <summary>The order the tenant's requests were made in, from 1.</summary>
    public long Position { get; set; }

    public required string Recording { get; set; }

    public required string Interaction { get; set; }

    public required string RequestedBy { get; set; }

    public required string Reason { get; set; }

    /// <summary>When it was made, in ticks since the Unix epoch.</summary>
    public long RequestedAt { get; set; }

    /// <summary>The state's number in <see cref="ContactKit.Interactions.DeletionRequestState"/>.</summary>
    public int State { get; set; }

    /// <summary>Whether it is requested or authorised: what <c>ReadOpenAsync</c> lists.</summary>
    public bool IsOpen { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>When it was decided, in ticks since the Unix epoch.</summary>
    public long? DecidedAt { get; set; }

    /// <summary>The last day to carry it out, as an ISO date (<c>yyyy-MM-dd</c>), once authorised.</summary>
    public string? DueBy { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>When it was carried out, in ticks since the Unix epoch.</summary>
    public long? CompletedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One subject link in <see cref="InteractionRow.Subjects"/>.</summary>
/// <param name="Party">The party id.</param>
/// <param name="Subject">The data subject id.</param>
/// <param name="LinkedAt">When, in ticks since the Unix epoch.</param>
internal sealed record SubjectLinkColumn(string Party, string Subject, long LinkedAt);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(SubjectLinkColumn[]))]
internal sealed partial class InteractionColumnsJson : JsonSerializerContext;

internal static partial class ContactKitModel
{
    static partial void ConfigureInteractions(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InteractionRow>(e =>
        {
            e.ToTable(InteractionRow.Table);
            e.HasKey(r => new { r.Tenant, r.Id });
            e.Property(r => r.Version).IsConcurrencyToken();
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Id, 128);
            Text(e, r => r.Case, 128);
            e.Property(r => r.Recordings).IsRequired();
            e.Property(r => r.Subjects).IsRequired();
        });

        modelBuilder.Entity<InteractionSubjectRow>(e =>
        {
            e.ToTable(InteractionSubjectRow.Table);
            e.HasKey(r => new { r.Tenant, r.Subject, r.Interaction });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Subject, 128);
            Text(e, r => r.Interaction, 128);
        });

        modelBuilder.Entity<ArtefactRow>(e =>
        {
            e.ToTable(ArtefactRow.Table);
            e.HasKey(r => new { r.Tenant, r.RetainedItem });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Tenant, r.Interaction, r.Position }).IsUnique();
            e.HasIndex(r => new { r.Tenant, r.Interaction, r.Name }).IsUnique();
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.RetainedItem, 128);
            Text(e, r => r.Interaction, 128);
            Text(e, r => r.Recording, 128);
            e.Property(r => r.Name).IsRequired();
        });

        modelBuilder.Entity<DeletionRequestRow>(e =>
        {
            e.ToTable(DeletionRequestRow.Table);
            e.HasKey(r => new { r.Tenant, r.Id });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.Tenant, r.Position }).IsUnique();
            e.HasIndex(r => new { r.Tenant, r.IsOpen, r.Position });
            Text(e, r => r.Tenant, Identifier.MaxLength);
            Text(e, r => r.Id, 128);
            Text(e, r => r.Recording, 128);
            Text(e, r => r.Interaction, 128);
            Text(e, r => r.RequestedBy, 128);
            Text(e, r => r.DecidedBy, 128);
            Text(e, r => r.DueBy, 10);
            e.Property(r => r.Reason).IsRequired();
        });
    }
}
