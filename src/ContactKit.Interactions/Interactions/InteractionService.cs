using ContactKit.Consent;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Interactions;

/// <summary>
/// What a host calls for one interaction, from the first ring to its stored artefacts: it starts the interaction and its
/// recordings (each <see cref="InteractionStarted"/> carrying the <see cref="InteractionId"/>), takes the consent rules'
/// decision for the parties present and again whenever one joins, is handed the interaction or is transferred to
/// (strictest party wins, an unknown jurisdiction counts as the strictest), so that the recording lifecycle enforces it
/// over the parties present at each moment, links parties to data subjects, and turns every
/// stored artefact into a retained item with a deterministic id, the record class for its kind and channel, and the
/// interaction's end as its trigger. An artefact whose record class has no rule in the tenant's schedule is refused
/// with <see cref="InteractionsErrorCodes.NoRetentionRule"/>: nothing is stored that no rule governs.
/// </summary>
/// <param name="recordings">The recording lifecycle against its stores.</param>
/// <param name="sessions">The recording sessions, read to re-take the consent decision when a party joins.</param>
/// <param name="interactions">The interactions.</param>
/// <param name="artefacts">The artefacts.</param>
/// <param name="retention">Retention, which keeps each artefact's retained item.</param>
/// <param name="schedules">The tenants' retention schedules.</param>
/// <param name="rules">The consent rules for recording.</param>
/// <param name="options">The layer's options: the record class of each kind of artefact.</param>
/// <param name="ledger">The consent ledger, where the notice and consent each party was given are written with their evidence.</param>
/// <param name="clock">The clock.</param>
public sealed partial class InteractionService(
    RecordingService recordings,
    IRecordingStore sessions,
    IInteractionStore interactions,
    IArtefactStore artefacts,
    RetentionService retention,
    IRetentionScheduleProvider schedules,
    RecordingRuleSet rules,
    IOptionsMonitor<InteractionsOptions> options,
    ConsentLedger ledger,
    IClock clock)
{
    /// <summary>
    /// Starts an interaction with its first recording. The consent rules rule on each party present; each starts with
    /// their own ruling, and the lifecycle applies the strictest of them to every party present.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The new interaction's id.</param>
    /// <param name="channel">The channel it arrived on.</param>
    /// <param name="recording">The id of its first recording.</param>
    /// <param name="parties">The parties present at the start (usually the caller), with their jurisdictions, known or not.</param>
    /// <param name="beginsWithBot">Whether it opens with a bot or IVR before a person joins.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The interaction, or the refusal (for example <c>CK0009</c> when the id is taken).</returns>
    public async ValueTask<Result<InteractionRecord>> StartAsync(
        TenantId tenant, InteractionId interaction, Channel channel, RecordingId recording, IReadOnlyList<RecordingParty> parties, bool beginsWithBot, ActorId actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var decision = rules.Decide(channel, parties);
        if (decision.IsFailure)
        {
            return decision.Error;
        }

        var saved = await interactions.SaveAsync(
            new InteractionRecord { Tenant = tenant, Id = interaction, Channel = channel, StartedAt = clock.GetCurrentInstant(), Recordings = [recording] },
            cancellationToken).ConfigureAwait(false);
        if (saved.IsFailure)
        {
            return saved;
        }

        var started = await StartRecordingAsync(saved.Value, recording, channel, decision.Value, beginsWithBot, actor, cancellationToken).ConfigureAwait(false);
        return started.IsSuccess ? saved : started.Error;
    }

    /// <summary>
    /// Adds another recording to an interaction that has not ended (a chat beside a call, the second channel of a
    /// dual-channel call), under the consent decision for its parties.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The new recording's id.</param>
    /// <param name="channel">Its channel.</param>
    /// <param name="parties">The parties present in it.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The interaction with the recording added, or the refusal.</returns>
    public async ValueTask<Result<InteractionRecord>> AddRecordingAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, Channel channel, IReadOnlyList<RecordingParty> parties, ActorId actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var current = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current;
        }

        if (current.Value.EndedAt is not null)
        {
            return new ContactKitError(InteractionsErrorCodes.Invalid, $"Interaction {interaction} has ended, so no recording can be added to it.", "interaction");
        }

        var decision = rules.Decide(channel, parties);
        if (decision.IsFailure)
        {
            return decision.Error;
        }

        var saved = await interactions.SaveAsync(current.Value with { Recordings = current.Value.Recordings.Add(recording) }, cancellationToken).ConfigureAwait(false);
        if (saved.IsFailure)
        {
            return saved;
        }

        var started = await StartRecordingAsync(saved.Value, recording, channel, decision.Value, false, actor, cancellationToken).ConfigureAwait(false);
        return started.IsSuccess ? saved : started.Error;
    }

    /// <summary>
    /// A party joins one of the interaction's recordings. The consent rules rule on the newcomer, who joins with what
    /// their jurisdiction requires; the lifecycle then applies the strictest requirement among everyone present to every
    /// party present (<see cref="RecordingSession.EveryoneNeeds"/>), so a newcomer from an all-party consent state pauses
    /// capture until every present party has agreed.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording they join.</param>
    /// <param name="party">The party, with their jurisdiction, known or not.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording session after the join, or the refusal.</returns>
    public ValueTask<Result<RecordingSession>> JoinAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, RecordingParty party, ActorId actor, CancellationToken cancellationToken = default) =>
        ArriveAsync(tenant, interaction, recording, party, null, ruled => new PartyJoined(EventId.New(), ruled), actor, cancellationToken);

    /// <summary>
    /// The bot or IVR hands one of the interaction's recordings to a member of staff, who joins it. The consent rules rule
    /// on them as on any party joining: a person in a jurisdiction that needs explicit consent raises what every present
    /// party needs. Refused with <c>CK0107</c> when no bot phase is running.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording handed over.</param>
    /// <param name="person">The agent or supervisor who takes over, with their jurisdiction.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording session after the handover, or the refusal.</returns>
    public ValueTask<Result<RecordingSession>> HandOverAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, RecordingParty person, ActorId actor, CancellationToken cancellationToken = default) =>
        ArriveAsync(tenant, interaction, recording, person, null, ruled => new HandedToPerson(EventId.New(), ruled), actor, cancellationToken);

    /// <summary>
    /// One of the interaction's recordings is transferred: <paramref name="to"/> joins, ruled on by the consent rules, and
    /// <paramref name="from"/>, if given, leaves. What every present party needs is taken again over the parties present
    /// after the transfer, so the one who left no longer counts.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording transferred.</param>
    /// <param name="to">The party who joins (an agent, a service, a third party), with their jurisdiction.</param>
    /// <param name="from">The party who leaves, if any.</param>
    /// <param name="service">The service transferred to (for example <c>licensing</c>), if any.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording session after the transfer, or the refusal.</returns>
    public ValueTask<Result<RecordingSession>> TransferAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, RecordingParty to, PartyId? from, string? service, ActorId actor, CancellationToken cancellationToken = default) =>
        ArriveAsync(tenant, interaction, recording, to, from, ruled => new Transferred(EventId.New(), ruled, from, service), actor, cancellationToken);

    /// <summary>
    /// A party leaves one of the interaction's recordings. They no longer count towards what the parties present need:
    /// when they were the one whose jurisdiction needed explicit consent, the others need only what their own rules say.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording they leave.</param>
    /// <param name="party">The party.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording session after they left, or the refusal (<c>CK0105</c> when they are not present).</returns>
    public async ValueTask<Result<RecordingSession>> LeaveAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, PartyId party, ActorId actor, CancellationToken cancellationToken = default)
    {
        var session = await SessionOfAsync(tenant, interaction, recording, cancellationToken).ConfigureAwait(false);
        return session.IsFailure
            ? session
            : await recordings.ApplyAsync(tenant, recording, new PartyLeft(EventId.New(), party), actor, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // A party arrives (joins, is handed the interaction or is transferred to): the consent rules rule on them over the
    // parties present after the arrival, and they arrive with their own ruling; the lifecycle applies the strictest.
    private async ValueTask<Result<RecordingSession>> ArriveAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, RecordingParty party, PartyId? leaving, Func<RecordingParty, RecordingEvent> arrival, ActorId actor, CancellationToken cancellationToken)
    {
        var session = await SessionOfAsync(tenant, interaction, recording, cancellationToken).ConfigureAwait(false);
        if (session.IsFailure)
        {
            return session;
        }

        var present = session.Value.Parties.Where(p => p.IsPresent && p.Party.Id != leaving).Select(p => p.Party).Append(party).ToList();
        var decision = rules.Decide(session.Value.Channel, present);
        if (decision.IsFailure)
        {
            return decision.Error;
        }

        var ruled = party with { Requirement = decision.Value.Rulings[^1].Requirement };
        return await recordings.ApplyAsync(tenant, recording, arrival(ruled), actor, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Links a party of the interaction to the data subject they are, once identified (during or after the interaction).
    /// Linking the same party to the same subject again changes nothing. The notice and consent the party was given
    /// earlier in the interaction's recordings (through <see cref="GiveNoticeAsync"/> and <see cref="AnswerConsentAsync"/>)
    /// are then written to the consent ledger for that subject, with their evidence.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="party">The party.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The interaction, or the refusal (<c>CK0906</c> when the party is already linked to another subject).</returns>
    public async ValueTask<Result<InteractionRecord>> LinkSubjectAsync(
        TenantId tenant, InteractionId interaction, PartyId party, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        var current = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current;
        }

        switch (current.Value.SubjectOf(party))
        {
            case { } linked when linked == subject:
                return current;
            case not null:
                return new ContactKitError(InteractionsErrorCodes.Invalid, $"Party {party} of interaction {interaction} is already linked to another data subject; correct the link instead of adding one.", "party");
        }

        var saved = await interactions.SaveAsync(
            current.Value with { Subjects = current.Value.Subjects.Add(new SubjectLink(party, subject, clock.GetCurrentInstant())) },
            cancellationToken).ConfigureAwait(false);
        if (saved.IsFailure)
        {
            return saved;
        }

        var written = await WriteEarlierConsentAsync(saved.Value, party, subject, cancellationToken).ConfigureAwait(false);
        return written is null ? saved : written;
    }

    /// <summary>
    /// Stores an artefact of the interaction (media, a transcript, derived data such as sentiment or a summary, a survey
    /// answer, the calling line identity) and starts keeping it under retention: its retained item has the id
    /// <see cref="StoredArtefact.RetainedItemFor"/> gives, the record class for its kind and the interaction's channel,
    /// the interaction's subjects and case, and the interaction's end as its trigger once it has ended.
    /// </summary>
    /// <param name="artefact">What is stored: the interaction, name, kind, recording, location and checksum.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>
    /// The stored artefact; <see cref="InteractionsErrorCodes.NoRetentionRule"/> when the tenant's schedule has no rule
    /// for its record class, <see cref="InteractionsErrorCodes.UnknownRecording"/> when its recording is not the
    /// interaction's, <see cref="InteractionsErrorCodes.ArtefactAlreadyStored"/> for a name already used,
    /// <see cref="InteractionsErrorCodes.TranscriptNotRedacted"/> for a transcript, which
    /// <see cref="TranscriptService.StoreAsync"/> stores once it is redacted.
    /// </returns>
    public ValueTask<Result<StoredArtefact>> StoreArtefactAsync(ArtefactToStore artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        return artefact.Kind == ArtefactKind.Transcript
            ? ValueTask.FromResult<Result<StoredArtefact>>(new ContactKitError(
                InteractionsErrorCodes.TranscriptNotRedacted,
                "A transcript is stored through TranscriptService.StoreAsync, which redacts it first; it cannot be stored as it is.",
                "kind"))
            : StoreArtefactCoreAsync(artefact, cancellationToken);
    }

    // Stores any artefact, transcripts included: TranscriptService calls it once a transcript is redacted.
    internal async ValueTask<Result<StoredArtefact>> StoreArtefactCoreAsync(ArtefactToStore artefact, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(artefact.Name) || !Enum.IsDefined(artefact.Kind))
        {
            return new ContactKitError(InteractionsErrorCodes.Invalid, "An artefact needs a name and a known kind.", string.IsNullOrWhiteSpace(artefact.Name) ? "name" : "kind");
        }

        var current = await interactions.GetAsync(artefact.Tenant, artefact.Interaction, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current.Error;
        }

        var record = current.Value;
        if (artefact.Recording is { } recording && !record.Recordings.Contains(recording))
        {
            return new ContactKitError(InteractionsErrorCodes.UnknownRecording, $"Recording {recording} is not one of interaction {record.Id}'s recordings.", "recording");
        }

        var recordClass = options.CurrentValue.RecordClassFor(artefact.Tenant, artefact.Kind, record.Channel);
        if (recordClass.IsFailure)
        {
            return recordClass.Error;
        }

        if (!schedules.GetSchedule(artefact.Tenant).RulesFor(recordClass.Value).Any())
        {
            return new ContactKitError(InteractionsErrorCodes.NoRetentionRule, $"The retention schedule of tenant {artefact.Tenant} has no rule for record class {recordClass.Value}, so a {artefact.Kind} artefact may not be stored; add a rule for it.", "kind");
        }

        var now = clock.GetCurrentInstant();
        var id = StoredArtefact.RetainedItemFor(record.Id, artefact.Name);
        var stored = await artefacts.SaveAsync(
            new StoredArtefact
            {
                Tenant = artefact.Tenant, Interaction = record.Id, Name = artefact.Name, Kind = artefact.Kind, RetainedItem = id, StoredAt = now,
                Recording = artefact.Recording, Location = artefact.Location, Sha256 = artefact.Sha256,
            },
            cancellationToken).ConfigureAwait(false);
        if (stored.IsFailure)
        {
            return stored;
        }

        var item = new RetainedItem
        {
            Tenant = artefact.Tenant, Id = id, RecordClass = recordClass.Value, CreatedAt = now, Interaction = record.Id, Case = record.Case,
            Subject = record.Subjects.IsEmpty ? null : record.Subjects[0].Subject,
            Resource = artefact.Recording is { } of ? ResourceRef.Recording(of) : ResourceRef.Interaction(record.Id),
        };
        if (record.EndedAt is { } ended)
        {
            item = item.WithTrigger(RetentionTrigger.InteractionEnded, ended);
        }

        var tracked = await retention.TrackAsync(item, cancellationToken).ConfigureAwait(false);
        return tracked.IsSuccess ? stored : tracked.Error;
    }

    /// <summary>
    /// Ends the interaction: each of its recordings that is still live ends, and every artefact already stored has the
    /// interaction's end recorded as its trigger, so its disposal date is set. Ending it again changes nothing.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The ended interaction, or the refusal.</returns>
    public async ValueTask<Result<InteractionRecord>> EndAsync(TenantId tenant, InteractionId interaction, ActorId actor, CancellationToken cancellationToken = default)
    {
        var current = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure || current.Value.EndedAt is not null)
        {
            return current;
        }

        var ended = clock.GetCurrentInstant();
        foreach (var recording in current.Value.Recordings)
        {
            var session = await recordings.ApplyAsync(tenant, recording, new InteractionEnded(EventId.New()), actor, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (session.IsFailure && session.Error.Code != RecordingErrorCodes.IllegalTransition)
            {
                return session.Error; // a recording already past its live states has ended already
            }
        }

        var saved = await interactions.SaveAsync(current.Value with { EndedAt = ended }, cancellationToken).ConfigureAwait(false);
        if (saved.IsFailure)
        {
            return saved;
        }

        await foreach (var artefact in artefacts.ReadByInteractionAsync(tenant, interaction, cancellationToken).ConfigureAwait(false))
        {
            var triggered = await retention.RecordTriggerAsync(tenant, artefact.RetainedItem, RetentionTrigger.InteractionEnded, ended, cancellationToken).ConfigureAwait(false);
            if (triggered.IsFailure && triggered.Error.Code is not (RetentionErrorCodes.AlreadyDisposed or ErrorCodes.NotFound))
            {
                return triggered.Error;
            }
        }

        return saved;
    }

    // Each party starts with their own ruling; the lifecycle applies the strictest among those present to all of them.
    private async ValueTask<Result<RecordingSession>> StartRecordingAsync(
        InteractionRecord interaction, RecordingId recording, Channel channel, RecordingDecision decision, bool beginsWithBot, ActorId actor, CancellationToken cancellationToken)
    {
        var started = new InteractionStarted(EventId.New(), interaction.Tenant, recording, channel, RecordingPolicy.Default, [.. decision.Rulings.Select(r => r.Party with { Requirement = r.Requirement })], beginsWithBot)
        {
            Interaction = interaction.Id,
        };
        return await recordings.StartAsync(started, actor, cancellationToken).ConfigureAwait(false);
    }

    internal async ValueTask<Result<RecordingSession>> SessionOfAsync(TenantId tenant, InteractionId interaction, RecordingId recording, CancellationToken cancellationToken)
    {
        var current = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current.Error;
        }

        if (!current.Value.Recordings.Contains(recording))
        {
            return new ContactKitError(InteractionsErrorCodes.UnknownRecording, $"Recording {recording} is not one of interaction {interaction}'s recordings.", "recording");
        }

        return await sessions.GetAsync(tenant, recording, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An artefact the host has stored and hands to <see cref="InteractionService.StoreArtefactAsync"/>.</summary>
public sealed record ArtefactToStore
{
    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The interaction it came from.</summary>
    public required InteractionId Interaction { get; init; }

    /// <summary>Its name within the interaction, for example <c>rec-1.audio</c> or <c>sentiment</c>; the retained item's id is made from it.</summary>
    public required string Name { get; init; }

    /// <summary>What it is.</summary>
    public required ArtefactKind Kind { get; init; }

    /// <summary>The recording it belongs to, for media and transcripts.</summary>
    public RecordingId? Recording { get; init; }

    /// <summary>Where its content is (a media location, or the host's key for derived data).</summary>
    public string? Location { get; init; }

    /// <summary>The SHA-256 checksum of its content in hex, where known.</summary>
    public string? Sha256 { get; init; }
}
