using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>What a stored artefact of an interaction is.</summary>
public enum ArtefactKind
{
    /// <summary>The audio of a call, kept in the recording media store.</summary>
    Audio = 1,

    /// <summary>A transcript of a chat or of a call's speech, kept in the recording media store.</summary>
    Transcript = 2,

    /// <summary>An analysis of how the interaction went (positive, neutral or negative), stored against the caller.</summary>
    Sentiment = 3,

    /// <summary>A summary of the interaction.</summary>
    Summary = 4,

    /// <summary>A caller's answer to a survey after the interaction.</summary>
    SurveyAnswer = 5,

    /// <summary>The calling line identity, kept for reporting.</summary>
    CallingLineIdentity = 6,
}

/// <summary>Why a recording or artefact was disposed of.</summary>
public enum DisposalReason
{
    /// <summary>Its retention period ended.</summary>
    Retention = 1,

    /// <summary>Someone asked for it to be deleted and the request was authorised.</summary>
    Request = 2,

    /// <summary>A data subject's erasure request reached it.</summary>
    Erasure = 3,
}

/// <summary>
/// One stored artefact of an interaction (media, a transcript, derived data) and the retained item that governs it. Its
/// retained item id is derived from the interaction and the artefact's name (<see cref="RetainedItemFor"/>), so storing
/// the same artefact twice can never create two items.
/// </summary>
public sealed record StoredArtefact
{
    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The interaction it came from.</summary>
    public required InteractionId Interaction { get; init; }

    /// <summary>Its name within the interaction, for example <c>rec-1.audio</c> or <c>sentiment</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What it is.</summary>
    public required ArtefactKind Kind { get; init; }

    /// <summary>The retained item that governs it.</summary>
    public required RetainedItemId RetainedItem { get; init; }

    /// <summary>When it was stored.</summary>
    public required Instant StoredAt { get; init; }

    /// <summary>The recording it belongs to, for media and transcripts.</summary>
    public RecordingId? Recording { get; init; }

    /// <summary>Where its content is (a media location, or the host's key for derived data).</summary>
    public string? Location { get; init; }

    /// <summary>The SHA-256 checksum of its content in hex, where known: the proof of disposal names it.</summary>
    public string? Sha256 { get; init; }

    /// <summary>When it was disposed of, once it has been.</summary>
    public Instant? DisposedAt { get; init; }

    /// <summary>Why it was disposed of, once it has been.</summary>
    public DisposalReason? DisposedBecause { get; init; }

    /// <summary>The store's version, raised by each save; a save names the version it read (0 for a new artefact).</summary>
    public long Version { get; init; }

    /// <summary>Whether it has been disposed of.</summary>
    public bool IsDisposed => DisposedAt is not null;

    /// <summary>
    /// The retained item id of an artefact: <c>interaction/name</c> joined by a colon when that is a valid id, otherwise a
    /// SHA-256 of the two. The same interaction and name always give the same id.
    /// </summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="name">The artefact's name.</param>
    /// <returns>The id.</returns>
    public static RetainedItemId RetainedItemFor(InteractionId interaction, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var text = $"{interaction.Value}:{name}";
        return RetainedItemId.TryParse(text, out var id)
            ? id
            : RetainedItemId.Parse("artefact:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }
}
