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

    /// <summary>The record class of an artefact of <paramref name="kind"/> from an interaction on <paramref name="channel"/>.</summary>
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
        RuleFor(o => o.LawfulBasis)
            .IsInEnum()
            .WithMessage("InteractionsOptions.LawfulBasis must be one of the six lawful bases of UK GDPR Art 6(1).");
    }
}
