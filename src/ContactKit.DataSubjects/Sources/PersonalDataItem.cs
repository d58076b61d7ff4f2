using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>Points at one item of personal data: the source that holds it and the item's id there.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="ItemId">The item's id within the source.</param>
public readonly record struct PersonalDataItemRef(string Source, string ItemId)
{
    /// <summary>Returns <c>source/item</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Source}/{ItemId}";
}

/// <summary>One item of personal data about a subject, as a source finds it: what it is, why it is held and on which basis.</summary>
public sealed record PersonalDataItem
{
    /// <summary>The name of the source that holds it.</summary>
    public required string Source { get; init; }

    /// <summary>The item's id within the source.</summary>
    public required string ItemId { get; init; }

    /// <summary>The data category.</summary>
    public required DataCategoryKey Category { get; init; }

    /// <summary>The lawful basis it is held on.</summary>
    public required LawfulBasis LawfulBasis { get; init; }

    /// <summary>Why it is held.</summary>
    public Purpose? Purpose { get; init; }

    /// <summary>The record class under the retention schedule (for example <c>call_recording</c> or <c>case_record</c>).</summary>
    public string? RecordClass { get; init; }

    /// <summary>The item's id under ContactKit.Retention, when the retention schedule tracks it.</summary>
    public RetainedItemId? RetainedItem { get; init; }

    /// <summary>What the item is, in words (for example <c>call on 2 March 2026 about garden waste</c>).</summary>
    public string? Description { get; init; }

    /// <summary>When it was created, if known.</summary>
    public Instant? CreatedAt { get; init; }

    /// <summary>
    /// A hash of the item's content, where the source gives one (for example <c>sha256:...</c>); the item a source's
    /// <c>EraseAsync</c> returns may carry it, and it goes into the erasure proof.
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// Whether the tenant holds the item as a processor, for a client that is its controller (a chat service the tenant
    /// runs for a client): a rights request about it is the client's to answer, so it is referred to the client rather
    /// than erased or copied by the tenant (UK GDPR Art 28(3)(e): the processor assists the controller).
    /// </summary>
    public bool HeldAsProcessor { get; init; }

    /// <summary>Where to find it.</summary>
    public PersonalDataItemRef Ref => new(Source, ItemId);
}

/// <summary>Someone who took part in a recorded interaction.</summary>
/// <param name="Party">The party's id in the interaction.</param>
/// <param name="Role">Their role, for example <c>caller</c>, <c>agent</c> or <c>third party</c>.</param>
/// <param name="IsSubject">Whether this party is the data subject whose copy is being prepared.</param>
public sealed record RecordingParticipant(PartyId Party, string Role, bool IsSubject)
{
    /// <summary>Whether this party's contributions must be reviewed for redaction before the copy is released: every party but the subject.</summary>
    public bool NeedsRedactionReview => !IsSubject;
}

/// <summary>A copy of a recording or transcript that the subject took part in.</summary>
public sealed record RecordingCopy
{
    private readonly ImmutableArray<RecordingParticipant> _participants = [];

    /// <summary>The recording.</summary>
    public required RecordingId Recording { get; init; }

    /// <summary>Where the media can be fetched for the copy (a storage key or URI, not the media itself).</summary>
    public required string MediaReference { get; init; }

    /// <summary>The channel of the interaction.</summary>
    public Channel Channel { get; init; } = Channel.VoiceCall;

    /// <summary>When it started.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>How long it lasted.</summary>
    public Duration? Length { get; init; }

    /// <summary>Everyone who took part.</summary>
    public ImmutableArray<RecordingParticipant> Participants
    {
        get => _participants;
        init => _participants = value.IsDefault ? [] : value;
    }

    /// <summary>Whether anyone other than the subject took part, so the copy needs a redaction review before release.</summary>
    public bool NeedsRedactionReview => Participants.Any(p => p.NeedsRedactionReview);

    /// <inheritdoc />
    public bool Equals(RecordingCopy? other) =>
        other is not null && Recording == other.Recording && MediaReference == other.MediaReference && Channel == other.Channel &&
        StartedAt == other.StartedAt && Length == other.Length && Participants.AsSpan().SequenceEqual(other.Participants.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Recording, MediaReference, Participants.Length);
}

/// <summary>One item of personal data with its content, as exported for a subject access or portability request.</summary>
public sealed record PersonalDataRecord
{
    private readonly ImmutableArray<KeyValuePair<string, string>> _fields = [];

    /// <summary>The item.</summary>
    public required PersonalDataItem Item { get; init; }

    /// <summary>The item's content as named fields, in the order the source gives them.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Fields
    {
        get => _fields;
        init => _fields = value.IsDefault ? [] : value;
    }

    /// <summary>The recording, when the item is a recording or transcript the subject took part in.</summary>
    public RecordingCopy? Recording { get; init; }

    /// <inheritdoc />
    public bool Equals(PersonalDataRecord? other) =>
        other is not null && Item == other.Item && Recording == other.Recording && Fields.AsSpan().SequenceEqual(other.Fields.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Item, Fields.Length);
}
