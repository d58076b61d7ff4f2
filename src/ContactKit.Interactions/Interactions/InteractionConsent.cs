using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactKit.Consent;
using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Interactions;

public sealed partial class InteractionService
{
    private const string HashMarker = " sha256:";

    /// <summary>
    /// A party of one of the interaction's recordings is told that it is recorded. The notice is recorded on the recording
    /// session (so the lifecycle lets capture run for a party who needs a notice), and, once the party is linked to a data
    /// subject (now or later, through <see cref="LinkSubjectAsync"/>), written to the consent ledger with its evidence:
    /// the interaction, the recording and the offset into it.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording the party is in.</param>
    /// <param name="party">The party told.</param>
    /// <param name="notice">The exact notice wording given (its version, language and hash).</param>
    /// <param name="method">How it was given.</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording session after the notice, or the refusal.</returns>
    public async ValueTask<Result<RecordingSession>> GiveNoticeAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, PartyId party, NoticeReference notice, NoticeMethod method, ActorId actor, CancellationToken cancellationToken = default)
    {
        if (notice.Version < 1 || string.IsNullOrWhiteSpace(notice.Language) || string.IsNullOrWhiteSpace(notice.ContentHash))
        {
            return new ContactKitError(InteractionsErrorCodes.Invalid, "A notice needs its version (from 1), its language and the hash of its content.", "notice");
        }

        var session = await SessionOfAsync(tenant, interaction, recording, cancellationToken).ConfigureAwait(false);
        if (session.IsFailure)
        {
            return session;
        }

        var told = await recordings.ApplyAsync(tenant, recording, new RecordingNoticeGiven(EventId.New(), party, notice.NoticeId, VersionText(notice), method), actor, cancellationToken: cancellationToken).ConfigureAwait(false);
        return told.IsFailure ? told : await WriteToLedgerAsync(tenant, interaction, told.Value, party, everyAnswer: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A party of one of the interaction's recordings answers when asked to consent to recording. The answer is recorded on
    /// the recording session (a refusal stops capture for the rest of the interaction), and, once the party is linked to a
    /// data subject, written to the consent ledger as consent given or refused, relying on the notice the party was given,
    /// with its evidence: the interaction, the recording, the offset and what the answer was.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="interaction">The interaction.</param>
    /// <param name="recording">The recording the party is in.</param>
    /// <param name="party">The party asked.</param>
    /// <param name="given">Whether they agreed.</param>
    /// <param name="method">How they answered.</param>
    /// <param name="evidence">What shows the answer (for example the prompt and the key pressed).</param>
    /// <param name="actor">Who or what reports it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recording session after the answer, or the refusal (<see cref="InteractionsErrorCodes.ConsentBeforeNotice"/> for consent from a party not yet given the notice).</returns>
    public async ValueTask<Result<RecordingSession>> AnswerConsentAsync(
        TenantId tenant, InteractionId interaction, RecordingId recording, PartyId party, bool given, ConsentAnswerMethod method, string evidence, ActorId actor, CancellationToken cancellationToken = default)
    {
        var session = await SessionOfAsync(tenant, interaction, recording, cancellationToken).ConfigureAwait(false);
        if (session.IsFailure)
        {
            return session;
        }

        // Consent relies on what the party was told; without the notice the ledger could not record what it relied on.
        var index = IndexOfParty(session.Value, party);
        if (given && index >= 0 && session.Value.Parties[index].Notice is null)
        {
            return new ContactKitError(
                InteractionsErrorCodes.ConsentBeforeNotice,
                $"Party {party} of recording {recording} has not been given the privacy notice; give it (GiveNoticeAsync) before asking for consent, so that the consent ledger records what the consent relied on.",
                "party");
        }

        RecordingEvent answer = given
            ? new RecordingConsentGiven(EventId.New(), party, method, evidence)
            : new RecordingConsentRefused(EventId.New(), party, method, evidence);
        var answered = await recordings.ApplyAsync(tenant, recording, answer, actor, cancellationToken: cancellationToken).ConfigureAwait(false);
        return answered.IsFailure ? answered : await WriteToLedgerAsync(tenant, interaction, answered.Value, party, everyAnswer: false, cancellationToken).ConfigureAwait(false);
    }

    // Writes the party's notice and their latest answer, or every answer they gave in the recording (when the notice they
    // rely on has only just been given, answers given before it are written with it).
    private async ValueTask<Result<RecordingSession>> WriteToLedgerAsync(
        TenantId tenant, InteractionId interaction, RecordingSession session, PartyId party, bool everyAnswer, CancellationToken cancellationToken)
    {
        var record = await interactions.GetAsync(tenant, interaction, cancellationToken).ConfigureAwait(false);
        if (record.IsFailure)
        {
            return record.Error;
        }

        if (record.Value.SubjectOf(party) is not { } subject)
        {
            return session; // written when the party is linked to a subject
        }

        var index = IndexOfParty(session, party);
        var answers = everyAnswer ? await AnswersInLogAsync(tenant, session.Id, party, cancellationToken).ConfigureAwait(false)
            : index >= 0 && session.Parties[index].Consent is { } answer ? [answer]
            : [];
        var written = await WriteConsentOfAsync(session, party, subject, answers, cancellationToken).ConfigureAwait(false);
        return written is null ? session : written;
    }

    // Writes what each of the interaction's recordings holds of the party's notice and consent, for a subject just linked.
    private async ValueTask<ContactKitError?> WriteEarlierConsentAsync(InteractionRecord interaction, PartyId party, DataSubjectId subject, CancellationToken cancellationToken)
    {
        foreach (var recording in interaction.Recordings)
        {
            var session = await sessions.GetAsync(interaction.Tenant, recording, cancellationToken).ConfigureAwait(false);
            if (session.IsFailure)
            {
                if (session.Error.Code == ErrorCodes.NotFound)
                {
                    continue;
                }

                return session.Error;
            }

            var answers = await AnswersInLogAsync(interaction.Tenant, recording, party, cancellationToken).ConfigureAwait(false);
            if (await WriteConsentOfAsync(session.Value, party, subject, answers, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    // Every answer the party gave in the recording, from its log: the snapshot keeps only the latest.
    private async ValueTask<IReadOnlyList<ConsentAnswer>> AnswersInLogAsync(TenantId tenant, RecordingId recording, PartyId party, CancellationToken cancellationToken)
    {
        var answers = new List<ConsentAnswer>();
        await foreach (var recorded in sessions.ReadEventsAsync(tenant, recording, cancellationToken).ConfigureAwait(false))
        {
            switch (recorded.Event)
            {
                case RecordingConsentGiven given when given.Party == party:
                    answers.Add(new ConsentAnswer(true, given.Method, given.Evidence, recorded.At));
                    break;
                case RecordingConsentRefused refused when refused.Party == party:
                    answers.Add(new ConsentAnswer(false, refused.Method, refused.Evidence, recorded.At));
                    break;
            }
        }

        return answers;
    }

    // One ledger record for the notice and one for each consent answer, each with an id fixed by the recording, the party
    // and what it records (for an answer: when it was given and what it was), so writing it again (on a later call, or when
    // the subject is linked) stores nothing new, and a second answer is a record of its own.
    private async ValueTask<ContactKitError?> WriteConsentOfAsync(
        RecordingSession session, PartyId party, DataSubjectId subject, IReadOnlyList<ConsentAnswer> answers, CancellationToken cancellationToken)
    {
        var index = IndexOfParty(session, party);
        if (index < 0 || session.Parties[index].Notice is not { } told || ParseVersion(told) is not { } notice)
        {
            return null; // no notice given through this layer, so nothing to rely on yet
        }

        var presence = session.Parties[index];
        var settings = options.CurrentValue;
        var baseRecord = new ConsentRecord
        {
            Id = LedgerId(session, party, "notice"),
            Tenant = session.Tenant,
            Subject = subject,
            Controller = settings.ControllerFor(session.Tenant),
            Purposes = [Purpose.Parse(settings.RecordingPurpose)],
            LawfulBasis = settings.LawfulBasisFor(session.Tenant), // the basis the recording itself relies on (a policy's media.call_recording)
            Channel = session.Channel,
            Status = ConsentStatus.Given,
            Method = ConsentMethod.ImpliedByContinuing,
            Notice = notice,
            Evidence = new ConsentEvidence(session.Id, told.At - session.StartedAt, session.Interaction, $"notice {told.Method}"),
            RecordedAt = told.At,
            Jurisdiction = presence.Party.Jurisdiction,
        };
        var recorded = await ledger.RecordAsync(baseRecord, ActorId.Parse("interactions"), cancellationToken).ConfigureAwait(false);
        if (recorded.IsFailure)
        {
            return recorded.Error;
        }

        foreach (var answer in answers)
        {
            if (await WriteAnswerAsync(session, party, baseRecord, answer, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    private async ValueTask<ContactKitError?> WriteAnswerAsync(RecordingSession session, PartyId party, ConsentRecord baseRecord, ConsentAnswer answer, CancellationToken cancellationToken)
    {
        var what = string.Create(
            CultureInfo.InvariantCulture,
            $"consent|{answer.At.ToUnixTimeTicks()}|{(answer.Given ? "given" : "refused")}|{answer.Method}|{answer.Evidence}");
        var consent = baseRecord with
        {
            Id = LedgerId(session, party, what),
            LawfulBasis = LawfulBasis.Consent,
            Status = answer.Given ? ConsentStatus.Given : ConsentStatus.Refused,
            Method = answer.Method switch
            {
                ConsentAnswerMethod.KeyPress => ConsentMethod.KeyPress,
                ConsentAnswerMethod.Spoken => ConsentMethod.SpokenAnswer,
                _ => ConsentMethod.MessageReply,
            },
            Evidence = new ConsentEvidence(session.Id, answer.At - session.StartedAt, session.Interaction, answer.Evidence),
            RecordedAt = answer.At,
        };
        var answered = await ledger.RecordAsync(consent, ActorId.Parse("interactions"), cancellationToken).ConfigureAwait(false);
        return answered.IsFailure ? answered.Error : null;
    }

    private static int IndexOfParty(RecordingSession session, PartyId party)
    {
        for (var i = 0; i < session.Parties.Length; i++)
        {
            if (session.Parties[i].Party.Id == party)
            {
                return i;
            }
        }

        return -1;
    }

    // The notice version as the recording session keeps it: "v3/en-GB sha256:<hash>", so the ledger can name it exactly.
    private static string VersionText(NoticeReference notice) =>
        string.Create(CultureInfo.InvariantCulture, $"v{notice.Version}/{notice.Language}{HashMarker}{notice.ContentHash}");

    private static NoticeReference? ParseVersion(NoticeEvidence told)
    {
        var text = told.Version;
        var marker = text.IndexOf(HashMarker, StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (marker < 0 || slash < 2 || slash > marker || text[0] != 'v' ||
            !int.TryParse(text.AsSpan(1, slash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        return new NoticeReference(told.Notice, version, text[(slash + 1)..marker], text[(marker + HashMarker.Length)..]);
    }

    private static ConsentRecordId LedgerId(RecordingSession session, PartyId party, string what) =>
        ConsentRecordId.Parse($"interaction-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{session.Tenant}|{session.Id}|{party}|{what}")))[..32]}");
}
