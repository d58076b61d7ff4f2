using System.Collections.Immutable;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// The status a consent record states, following the W3C Data Privacy Vocabulary consent statuses
/// (<c>dpv:ConsentRequested</c>, <c>dpv:ConsentGiven</c>, <c>dpv:RenewedConsentGiven</c>, <c>dpv:ConsentRefused</c>,
/// <c>dpv:ConsentWithdrawn</c>, <c>dpv:ConsentExpired</c>, <c>dpv:ConsentInvalidated</c>, <c>dpv:ConsentUnknown</c>).
/// </summary>
public enum ConsentStatus
{
    /// <summary><c>dpv:ConsentUnknown</c>: nothing is recorded.</summary>
    Unknown = 0,

    /// <summary><c>dpv:ConsentRequested</c>: asked for, no answer yet.</summary>
    Requested = 1,

    /// <summary><c>dpv:ConsentGiven</c>.</summary>
    Given = 2,

    /// <summary><c>dpv:RenewedConsentGiven</c>: given again before or after expiry.</summary>
    Renewed = 3,

    /// <summary><c>dpv:ConsentRefused</c>.</summary>
    Refused = 4,

    /// <summary><c>dpv:ConsentWithdrawn</c>: withdrawn or revoked by the subject; takes effect at once.</summary>
    Withdrawn = 5,

    /// <summary><c>dpv:ConsentExpired</c>: its validity ran out.</summary>
    Expired = 6,

    /// <summary><c>dpv:ConsentInvalidated</c>: found not to be valid (for example, given on a notice that was wrong).</summary>
    Invalidated = 7,
}

/// <summary>How a subject expressed their choice.</summary>
public enum ConsentMethod
{
    /// <summary>Continued after hearing or reading a notice.</summary>
    ImpliedByContinuing = 1,

    /// <summary>Pressed a key when prompted.</summary>
    KeyPress = 2,

    /// <summary>Said yes (or no) when asked.</summary>
    SpokenAnswer = 3,

    /// <summary>Ticked (or unticked) a box.</summary>
    OptInTick = 4,

    /// <summary>Granted or revoked a permission in a voice-assistant skill or app.</summary>
    AppPermission = 5,

    /// <summary>An agent recorded what the subject said, and attests to it.</summary>
    AgentAttestation = 6,

    /// <summary>Replied to a message (for example with "unsubscribe").</summary>
    MessageReply = 7,

    /// <summary>Followed a link.</summary>
    Link = 8,

    /// <summary>Wrote a letter.</summary>
    Letter = 9,

    /// <summary>Phoned.</summary>
    PhoneCall = 10,

    /// <summary>The ledger recorded an expiry or invalidation itself.</summary>
    System = 11,
}

/// <summary>What proves the choice was made: for voice, the recording and the offset into it where it happened.</summary>
/// <param name="Recording">The recording holding the moment, if any.</param>
/// <param name="Offset">How far into the recording it happened.</param>
/// <param name="Interaction">The interaction it happened in.</param>
/// <param name="Reference">Any other evidence: a form submission id, a message id, a letter reference.</param>
public sealed record ConsentEvidence(RecordingId? Recording = null, Duration? Offset = null, InteractionId? Interaction = null, string? Reference = null);

/// <summary>
/// One entry in the consent ledger, with the fields of a Kantara Consent Receipt and ISO/IEC TS 27560: who, which controller,
/// which purposes and data, on what basis, over which channel, relying on which notice version, how it was expressed,
/// with what evidence, and when. Records are never changed: a withdrawal or renewal is a new record.
/// </summary>
public sealed record ConsentRecord
{
    private readonly ImmutableArray<DataCategoryKey> _dataCategories = [];

    /// <summary>The record's id (the receipt id).</summary>
    public required ConsentRecordId Id { get; init; }

    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The data subject (the PII principal).</summary>
    public required DataSubjectId Subject { get; init; }

    /// <summary>The controller's name, as the notice gives it.</summary>
    public required string Controller { get; init; }

    /// <summary>The purposes the choice covers.</summary>
    public required ImmutableArray<Purpose> Purposes { get; init; }

    /// <summary>
    /// The data categories the choice covers (for an app permission, the data it releases); empty, never a default array,
    /// when none were given, including when read from JSON without them.
    /// </summary>
    public ImmutableArray<DataCategoryKey> DataCategories
    {
        get => _dataCategories.IsDefault ? [] : _dataCategories;
        init => _dataCategories = value;
    }

    /// <summary>The lawful basis relied on; <see cref="LawfulBasis.Consent"/> unless stated.</summary>
    public LawfulBasis LawfulBasis { get; init; } = LawfulBasis.Consent;

    /// <summary>The channel it was expressed on.</summary>
    public required Channel Channel { get; init; }

    /// <summary>The status this record states.</summary>
    public required ConsentStatus Status { get; init; }

    /// <summary>How it was expressed.</summary>
    public required ConsentMethod Method { get; init; }

    /// <summary>The privacy notice version relied on; required when consent is given or renewed.</summary>
    public NoticeReference? Notice { get; init; }

    /// <summary>What proves it; for a key press, spoken answer or implied consent on a voice channel, the recording and offset.</summary>
    public ConsentEvidence? Evidence { get; init; }

    /// <summary>When it was expressed (for a given consent, the given instant; for a withdrawal, the withdrawn instant).</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>When a given or renewed consent expires, if it does.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>The skill or app a permission was granted to, or the partner data is shared with, if any.</summary>
    public string? Recipient { get; init; }

    /// <summary>The agent who attested to it, for <see cref="ConsentMethod.AgentAttestation"/>.</summary>
    public ActorId? AttestedBy { get; init; }

    /// <summary>The subject's jurisdiction when known.</summary>
    public Jurisdiction? Jurisdiction { get; init; }

    /// <summary>The position of the record in its tenant's ledger, from 1; 0 until appended.</summary>
    public long Sequence { get; init; }

    /// <summary>Whether this record covers <paramref name="purpose"/>.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Covers(Purpose purpose) => !Purposes.IsDefault && Purposes.Contains(purpose);

    /// <summary>Checks the fields the record's status and method need.</summary>
    /// <returns><see langword="null"/> when valid, otherwise an error with code <see cref="ConsentErrorCodes.InvalidConsentRecord"/> naming the field.</returns>
    public ContactKitError? Validate()
    {
        if (string.IsNullOrEmpty(Id.Value) || string.IsNullOrEmpty(Tenant.Value) || string.IsNullOrEmpty(Subject.Value))
        {
            return Invalid(string.IsNullOrEmpty(Id.Value) ? nameof(Id) : string.IsNullOrEmpty(Tenant.Value) ? nameof(Tenant) : nameof(Subject), "A consent record needs its id, tenant and subject.");
        }

        if (string.IsNullOrWhiteSpace(Controller))
        {
            return Invalid(nameof(Controller), "A consent record needs the controller's name.");
        }

        if (Purposes.IsDefaultOrEmpty)
        {
            return Invalid(nameof(Purposes), "A consent record needs at least one purpose.");
        }

        if (!Enum.IsDefined(Status) || Status == ConsentStatus.Unknown)
        {
            return Invalid(nameof(Status), "A consent record must state a status other than Unknown.");
        }

        if (Status is ConsentStatus.Given or ConsentStatus.Renewed)
        {
            if (Notice is null)
            {
                return Invalid(nameof(Notice), "Consent given or renewed must name the privacy notice version it relied on.");
            }

            if (ExpiresAt is { } expires && expires <= RecordedAt)
            {
                return Invalid(nameof(ExpiresAt), "A consent must expire after it is given.");
            }
        }

        if (Channel.CarriesAudio() && Method is ConsentMethod.KeyPress or ConsentMethod.SpokenAnswer or ConsentMethod.ImpliedByContinuing &&
            Status is ConsentStatus.Given or ConsentStatus.Renewed && Evidence?.Recording is null)
        {
            return Invalid(nameof(Evidence), "Consent given by voice needs the recording (and the offset) where it happened as evidence.");
        }

        if (Method == ConsentMethod.AgentAttestation && AttestedBy is null)
        {
            return Invalid(nameof(AttestedBy), "An agent attestation needs the agent who attests.");
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(ConsentRecord? other) =>
        other is not null &&
        Id == other.Id && Tenant == other.Tenant && Subject == other.Subject && Controller == other.Controller &&
        Same(Purposes, other.Purposes) && Same(DataCategories, other.DataCategories) && LawfulBasis == other.LawfulBasis &&
        Channel == other.Channel && Status == other.Status && Method == other.Method && Notice == other.Notice &&
        Evidence == other.Evidence && RecordedAt == other.RecordedAt && ExpiresAt == other.ExpiresAt &&
        Recipient == other.Recipient && AttestedBy == other.AttestedBy && Jurisdiction == other.Jurisdiction && Sequence == other.Sequence;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Tenant, Subject, Status, RecordedAt, Sequence);

    private static bool Same<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        (left.IsDefaultOrEmpty && right.IsDefaultOrEmpty) || (!left.IsDefault && !right.IsDefault && left.SequenceEqual(right));

    private static ContactKitError Invalid(string field, string message) => new(ConsentErrorCodes.InvalidConsentRecord, message, field);
}
