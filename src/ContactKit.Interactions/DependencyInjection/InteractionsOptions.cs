using ContactKit.Retention;
using FluentValidation;

namespace ContactKit.Interactions;

/// <summary>
/// The settings of the interaction layer, bound from configuration (section <c>ContactKit:Interactions</c> by
/// convention) and validated at start-up.
/// </summary>
public sealed class InteractionsOptions
{
    /// <summary>The subsection of the ContactKit configuration section that <c>BindConfiguration()</c> reads these settings from.</summary>
    public const string SectionName = "Interactions";

    /// <summary>
    /// The record class of each kind of artefact, whose rules in the tenant's retention schedule govern it. A transcript
    /// of a call uses <see cref="ArtefactKind.Transcript"/>'s class; a transcript of a chat uses <see cref="ChatTranscriptRecordClass"/>.
    /// </summary>
    public IDictionary<ArtefactKind, string> RecordClasses { get; } = new Dictionary<ArtefactKind, string>
    {
        [ArtefactKind.Audio] = RecordClass.CallRecording.Value,
        [ArtefactKind.Transcript] = RecordClass.Transcript.Value,
        [ArtefactKind.Sentiment] = "interaction_sentiment",
        [ArtefactKind.Summary] = "interaction_summary",
        [ArtefactKind.SurveyAnswer] = "survey_answer",
        [ArtefactKind.CallingLineIdentity] = "calling_line_identity",
    };

    /// <summary>The record class of the transcript of an interaction on a channel without audio (a chat, a message thread).</summary>
    public string ChatTranscriptRecordClass { get; set; } = RecordClass.ChatTranscript.Value;

    /// <summary>
    /// The kinds of artefact the host stores. At start-up every one of them must have a rule in every configured
    /// retention schedule; an artefact of another kind is checked when it is stored.
    /// </summary>
    public ISet<ArtefactKind> StoredKinds { get; } = new HashSet<ArtefactKind> { ArtefactKind.Audio, ArtefactKind.Transcript };

    /// <summary>The controller named in the consent ledger's records of the notice and consent given in an interaction; the tenant's id when empty.</summary>
    public string? Controller { get; set; }

    /// <summary>The purpose key the consent ledger's records of recording notices and consent cover (lower-case words joined by underscores).</summary>
    public string RecordingPurpose { get; set; } = "call_recording";

    /// <summary>
    /// The lawful basis on which interactions are recorded and their artefacts kept, as rights requests report it,
    /// erasure decisions read it (<see cref="InteractionPersonalDataSource"/>) and the consent ledger's records of the
    /// recording notice carry it; legitimate interests unless the policy states another.
    /// </summary>
    public LawfulBasis LawfulBasis { get; set; } = LawfulBasis.LegitimateInterests;

    /// <summary>
    /// Tenants whose settings differ from the host's (above), by tenant id: a tenant's controller, lawful basis and record
    /// classes, each unset one taken from the host's. <c>AddPolicy</c> sets a tenant's from its privacy policy.
    /// </summary>
    public IDictionary<string, InteractionsTenantOptions> Tenants { get; } = new Dictionary<string, InteractionsTenantOptions>(StringComparer.Ordinal);

    /// <summary>The controller the consent ledger names for <paramref name="tenant"/>: its own, the host's, or the tenant's id.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The controller.</returns>
    public string ControllerFor(TenantId tenant) =>
        Own(tenant)?.Controller is { Length: > 0 } own ? own
        : string.IsNullOrWhiteSpace(Controller) ? tenant.Value
        : Controller;

    /// <summary>The lawful basis on which <paramref name="tenant"/>'s interactions are recorded: its own, or the host's.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The lawful basis.</returns>
    public LawfulBasis LawfulBasisFor(TenantId tenant) => Own(tenant)?.LawfulBasis ?? LawfulBasis;

    /// <summary>
    /// The record class of an artefact of <paramref name="kind"/> from an interaction of <paramref name="tenant"/> on
    /// <paramref name="channel"/>: the tenant's own mapping where it has one, otherwise the host's.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The record class, or <c>CK0906</c> when the kind has none.</returns>
    public Result<RecordClass> RecordClassFor(TenantId tenant, ArtefactKind kind, Channel channel)
    {
        var own = Own(tenant);
        var name = own is null ? null
            : kind == ArtefactKind.Transcript && !channel.CarriesAudio() ? own.ChatTranscriptRecordClass
            : own.RecordClasses.TryGetValue(kind, out var mapped) ? mapped
            : null;
        return name is null ? RecordClassFor(kind, channel) : RecordClass.ParseText(name);
    }

    /// <summary>The host's record class of an artefact of <paramref name="kind"/> from an interaction on <paramref name="channel"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="channel">The channel.</param>
    /// <returns>The record class, or <c>CK0906</c> when the kind has none.</returns>
    public Result<RecordClass> RecordClassFor(ArtefactKind kind, Channel channel)
    {
        var name = kind == ArtefactKind.Transcript && !channel.CarriesAudio() ? ChatTranscriptRecordClass
            : RecordClasses.TryGetValue(kind, out var mapped) ? mapped
            : null;
        return name is null
            ? new ContactKitError(InteractionsErrorCodes.Invalid, $"InteractionsOptions.RecordClasses has no record class for {kind} artefacts; add one.", "RecordClasses")
            : RecordClass.ParseText(name);
    }

    /// <summary>
    /// Whether <paramref name="tenant"/> handles interactions on <paramref name="channel"/> as a processor for its clients
    /// (<see cref="InteractionsTenantOptions.ProcessorChannels"/>): their artefacts are the clients' data, and a rights
    /// request about them is referred to the client rather than answered by the tenant.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> when the tenant is a processor for interactions on the channel.</returns>
    public bool IsProcessorFor(TenantId tenant, Channel channel) => Own(tenant)?.ProcessorChannels.Contains(channel) == true;

    private InteractionsTenantOptions? Own(TenantId tenant) => Tenants.TryGetValue(tenant.Value, out var own) ? own : null;
}

/// <summary>One tenant's settings of the interaction layer; each one left unset is the host's (<see cref="InteractionsOptions"/>).</summary>
public sealed class InteractionsTenantOptions
{
    /// <summary>The controller the consent ledger's records of this tenant's interactions name.</summary>
    public string? Controller { get; set; }

    /// <summary>The lawful basis on which this tenant's interactions are recorded and their artefacts kept.</summary>
    public LawfulBasis? LawfulBasis { get; set; }

    /// <summary>The record class of each kind of artefact, where it differs from the host's.</summary>
    public IDictionary<ArtefactKind, string> RecordClasses { get; } = new Dictionary<ArtefactKind, string>();

    /// <summary>The record class of the transcript of an interaction without audio, where it differs from the host's.</summary>
    public string? ChatTranscriptRecordClass { get; set; }

    /// <summary>
    /// The channels on which this tenant handles interactions as a processor, for clients that are their controllers (a
    /// webchat service it runs for a client). The artefacts of those interactions are marked
    /// <see cref="ContactKit.DataSubjects.PersonalDataItem.HeldAsProcessor"/>: an erasure request refers them to the client
    /// (<see cref="ContactKit.DataSubjects.ErasureVerdict.Refer"/>, audited as <c>erasure.item_referred</c>) and a subject
    /// access copy leaves them out. Empty (the tenant is the controller of everything) unless set.
    /// </summary>
    public ISet<Channel> ProcessorChannels { get; } = new HashSet<Channel>();
}

/// <summary>Validates <see cref="InteractionsOptions"/> at start-up.</summary>
internal sealed class InteractionsOptionsValidator : AbstractValidator<InteractionsOptions>
{
    /// <summary>Creates the validator.</summary>
    public InteractionsOptionsValidator()
    {
        RuleForEach(o => o.RecordClasses)
            .Must(pair => Enum.IsDefined(pair.Key) && RecordClass.ParseText(pair.Value).IsSuccess)
            .WithMessage((_, pair) => $"InteractionsOptions.RecordClasses[{pair.Key}] must be a record class name in lower-case words joined by underscores; {Errors.Excerpt(pair.Value)} is not.");
        RuleFor(o => o.ChatTranscriptRecordClass)
            .Must(name => RecordClass.ParseText(name).IsSuccess)
            .WithMessage(o => $"InteractionsOptions.ChatTranscriptRecordClass must be a record class name in lower-case words joined by underscores; {Errors.Excerpt(o.ChatTranscriptRecordClass)} is not.");
        RuleForEach(o => o.StoredKinds)
            .Must((o, kind) => o.RecordClassFor(kind, Channel.VoiceCall).IsSuccess)
            .WithMessage((_, kind) => $"InteractionsOptions.StoredKinds holds {kind}, which has no record class in InteractionsOptions.RecordClasses; add one.");
        RuleFor(o => o.RecordingPurpose)
            .Must(key => Purpose.ParseText(key).IsSuccess)
            .WithMessage(o => $"InteractionsOptions.RecordingPurpose must be a purpose key in lower-case words joined by underscores; {Errors.Excerpt(o.RecordingPurpose)} is not.");
        RuleForEach(o => o.Tenants)
            .Must(pair => TenantId.ParseText(pair.Key).IsSuccess && pair.Value is not null
                && pair.Value.RecordClasses.All(c => Enum.IsDefined(c.Key) && RecordClass.ParseText(c.Value).IsSuccess)
                && (pair.Value.ChatTranscriptRecordClass is null || RecordClass.ParseText(pair.Value.ChatTranscriptRecordClass).IsSuccess)
                && (pair.Value.LawfulBasis is null || Enum.IsDefined(pair.Value.LawfulBasis.Value)))
            .WithMessage((_, pair) => $"InteractionsOptions.Tenants[{(TenantId.ParseText(pair.Key).IsSuccess ? pair.Key : Errors.Excerpt(pair.Key))}] must be keyed by a tenant id and name record classes in lower-case words joined by underscores and a lawful basis of UK GDPR Art 6(1).");
        RuleFor(o => o.LawfulBasis)
            .IsInEnum()
            .WithMessage("InteractionsOptions.LawfulBasis must be one of the six lawful bases of UK GDPR Art 6(1).");
    }
}
