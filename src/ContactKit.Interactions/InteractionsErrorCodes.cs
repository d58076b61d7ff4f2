namespace ContactKit.Interactions;

/// <summary>The stable error codes of the interaction layer (CK0900-CK0999), each described in <c>docs/errors.md</c>.</summary>
public static class InteractionsErrorCodes
{
    /// <summary>An artefact's record class has no rule in the tenant's retention schedule, so it may not be stored.</summary>
    public const string NoRetentionRule = "CK0900";

    /// <summary>The artefact or recording has been disposed of; its content is gone and access is refused.</summary>
    public const string Disposed = "CK0901";

    /// <summary>A legal hold covers the artefact, its recording, interaction, case or subject, so it may not be deleted.</summary>
    public const string UnderHold = "CK0902";

    /// <summary>The artefact is inside its rule's minimum retention, so a deletion request cannot be carried out yet.</summary>
    public const string WithinMinimumRetention = "CK0903";

    /// <summary>A deletion request is not in a state that allows the step asked for (for example authorising a refused request).</summary>
    public const string DeletionNotPending = "CK0904";

    /// <summary>An artefact of that name is already stored for the interaction.</summary>
    public const string ArtefactAlreadyStored = "CK0905";

    /// <summary>An artefact, interaction or request is missing a field or has an invalid one; the error names it.</summary>
    public const string Invalid = "CK0906";

    /// <summary>The recording is not one of the interaction's recordings.</summary>
    public const string UnknownRecording = "CK0907";

    /// <summary>The content of an artefact could not be deleted; the item stays and the next sweep tries again.</summary>
    public const string ContentNotDeleted = "CK0908";

    /// <summary>A consent record was asked to be erased; the ledger is the proof of consent, append-only, and keeps it.</summary>
    public const string ConsentEvidenceKept = "CK0909";

    /// <summary>Artefacts whose content the host keeps itself are stored, and no <see cref="IArtefactContentProvider"/> is registered to delete it.</summary>
    public const string NoArtefactContentProvider = "CK0910";

    /// <summary>A retention rule asks for artefacts to be anonymised that cannot be: audio and transcripts, or others with no <see cref="IArtefactAnonymiser"/> registered.</summary>
    public const string CannotAnonymise = "CK0911";

    /// <summary>A party agreed to recording before being given the privacy notice the consent would rely on.</summary>
    public const string ConsentBeforeNotice = "CK0912";

    /// <summary>
    /// The interaction is on a channel the tenant handles as a processor for a client
    /// (<see cref="InteractionsTenantOptions.ProcessorChannels"/>): a request to delete its recording is the client's to
    /// decide, so it is passed to the client rather than recorded here.
    /// </summary>
    public const string HeldForClient = "CK0913";

    /// <summary>A transcript was handed over to be stored as it is; transcripts are stored through <see cref="TranscriptService"/>, which redacts them first.</summary>
    public const string TranscriptNotRedacted = "CK0950";
}
