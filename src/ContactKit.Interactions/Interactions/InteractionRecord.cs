using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>A party of an interaction identified as a data subject, and when that was known.</summary>
/// <param name="Party">The party.</param>
/// <param name="Subject">The data subject they are.</param>
/// <param name="LinkedAt">When they were identified.</param>
public sealed record SubjectLink(PartyId Party, DataSubjectId Subject, Instant LinkedAt);

/// <summary>
/// One interaction as the layer keeps it: its recordings (a voice call and its chat, a dual-channel call), the parties
/// identified as data subjects, and the case it belongs to. Holds on the interaction, its case or its subjects reach
/// every artefact of it.
/// </summary>
public sealed record InteractionRecord
{
    private readonly ImmutableArray<RecordingId> _recordings = [];
    private readonly ImmutableArray<SubjectLink> _subjects = [];

    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The interaction's id.</summary>
    public required InteractionId Id { get; init; }

    /// <summary>The channel it arrived on.</summary>
    public required Channel Channel { get; init; }

    /// <summary>When it started.</summary>
    public required Instant StartedAt { get; init; }

    /// <summary>When it ended, once it has.</summary>
    public Instant? EndedAt { get; init; }

    /// <summary>The case it belongs to, once known.</summary>
    public CaseId? Case { get; init; }

    /// <summary>Its recordings, in the order they started.</summary>
    public ImmutableArray<RecordingId> Recordings
    {
        get => _recordings;
        init => _recordings = value.IsDefault ? [] : value;
    }

    /// <summary>The parties identified as data subjects, in the order they were identified.</summary>
    public ImmutableArray<SubjectLink> Subjects
    {
        get => _subjects;
        init => _subjects = value.IsDefault ? [] : value;
    }

    /// <summary>The store's version, raised by each save; a save names the version it read (0 for a new interaction).</summary>
    public long Version { get; init; }

    /// <summary>The data subject a party was identified as, if they were.</summary>
    /// <param name="party">The party.</param>
    /// <returns>The subject, or <see langword="null"/>.</returns>
    public DataSubjectId? SubjectOf(PartyId party)
    {
        foreach (var link in _subjects)
        {
            if (link.Party == party)
            {
                return link.Subject;
            }
        }

        return null;
    }

    /// <summary>Whether the data subject took part in the interaction.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns><see langword="true"/> when a party was identified as them.</returns>
    public bool Involves(DataSubjectId subject) => _subjects.Any(link => link.Subject == subject);

    /// <inheritdoc />
    public bool Equals(InteractionRecord? other) =>
        other is not null && Tenant == other.Tenant && Id == other.Id && Channel == other.Channel && StartedAt == other.StartedAt &&
        EndedAt == other.EndedAt && Case == other.Case && Version == other.Version &&
        _recordings.SequenceEqual(other._recordings) && _subjects.SequenceEqual(other._subjects);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tenant, Id, Version);
}
