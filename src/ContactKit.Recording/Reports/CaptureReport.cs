using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Recording;

/// <summary>
/// What a session captured, what it did not and why, and who was told about recording or agreed to it, when and how: the
/// evidence shown to an auditor or a complainant. Build one with <see cref="From"/> from the session and its log; read it
/// with <see cref="ToText"/> or serialise it with <see cref="ToJson"/>.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Recording">The recording id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="State">Where the session stands.</param>
/// <param name="StartedAt">When the interaction started.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="Captured">How long was captured in closed segments.</param>
/// <param name="NotCaptured">How long was not captured in closed segments.</param>
/// <param name="Segments">The timeline: no segment is empty, and no two neighbours share whether they were captured and why not.</param>
/// <param name="Parties">Everyone who took part and how they were told or agreed.</param>
/// <param name="Media">What was stored.</param>
/// <param name="Deletion">The deletion so far, if any.</param>
/// <param name="StaffToldByEmployment">Whether the policy counted staff as told through their terms of employment.</param>
public sealed record CaptureReport(
    TenantId Tenant,
    RecordingId Recording,
    Channel Channel,
    RecordingState State,
    Instant StartedAt,
    Instant? EndedAt,
    Duration Captured,
    Duration NotCaptured,
    ImmutableArray<RecordingSegment> Segments,
    ImmutableArray<PartyPresence> Parties,
    ImmutableArray<RecordingMedia> Media,
    DeletionRecord? Deletion,
    bool StaffToldByEmployment = true)
{
    /// <summary>The timeline; empty, never a default array, when read from JSON without it.</summary>
    public ImmutableArray<RecordingSegment> Segments { get; init; } = Segments.IsDefault ? [] : Segments;

    /// <summary>Everyone who took part; empty, never a default array, when read from JSON without it.</summary>
    public ImmutableArray<PartyPresence> Parties { get; init; } = Parties.IsDefault ? [] : Parties;

    /// <summary>What was stored; empty, never a default array, when read from JSON without it.</summary>
    public ImmutableArray<RecordingMedia> Media { get; init; } = Media.IsDefault ? [] : Media;

    /// <summary>What was removed from the stored transcripts before they were stored, by type and time; never the values.</summary>
    public ImmutableArray<TranscriptRedaction> Redactions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// How many card numbers were found in what was captured outside a secure-payment pause (<see cref="CardDataSeen"/>);
    /// each shows a pause that should have happened.
    /// </summary>
    public int CardDataSeenOutsidePause { get; init; }

    /// <summary>Builds the report of a session from its snapshot and its log.</summary>
    /// <param name="session">The session.</param>
    /// <param name="events">The session's log, first to last, as <see cref="IRecordingStore.ReadEventsAsync"/> gives it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The log is not the log of this session.</exception>
    public static CaptureReport From(RecordingSession session, IEnumerable<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        var segments = Timeline(session, events);
        var captured = Duration.Zero;
        var notCaptured = Duration.Zero;
        foreach (var segment in segments)
        {
            if (segment.End is { } end)
            {
                if (segment.Captured)
                {
                    captured += end - segment.Start;
                }
                else
                {
                    notCaptured += end - segment.Start;
                }
            }
        }

        var redactions = ImmutableArray.CreateBuilder<TranscriptRedaction>();
        var cardDataSeen = 0;
        foreach (var recorded in events)
        {
            switch (recorded.Event)
            {
                case TranscriptStored transcript:
                    redactions.AddRange(transcript.Redactions);
                    break;
                case CardDataSeen seen:
                    cardDataSeen += seen.Count;
                    break;
            }
        }

        return new CaptureReport(
            session.Tenant, session.Id, session.Channel, session.State, session.StartedAt, session.EndedAt,
            captured, notCaptured, segments, session.Parties, session.Media, session.Deletion, session.Policy.StaffToldByEmployment)
        {
            Redactions = redactions.ToImmutable(),
            CardDataSeenOutsidePause = cardDataSeen,
        };
    }

    // The timeline, by replaying the log: after each event, whether the session captured and why not. A stretch that
    // lasted no time (two events at one instant) is left out, and its neighbours join when they are alike.
    private static ImmutableArray<RecordingSegment> Timeline(RecordingSession session, IEnumerable<RecordedEvent> events)
    {
        var max = session.Policy.MaxSecurePause;
        var segments = new List<RecordingSegment>();
        RecordingSegment? open = null;
        RecordingSession? replayed = null;
        foreach (var recorded in events)
        {
            var next = replayed is null
                ? recorded.Event is InteractionStarted started ? RecordingLifecycle.Begin(started, recorded.At) : Invalid()
                : RecordingLifecycle.Apply(replayed, recorded.Event, recorded.At, replayed.Version);
            if (next.IsFailure)
            {
                throw new ArgumentException($"The log does not replay: {next.Error}", nameof(events));
            }

            replayed = next.Value;
            var at = recorded.At;
            if (!replayed.State.IsLive())
            {
                Close(at);
                continue;
            }

            var captured = replayed.State == RecordingState.Capturing;
            var reason = captured ? null : replayed.PauseReason;
            if (open is { } current && current.Captured == captured && current.Reason == reason)
            {
                continue;
            }

            Close(at);
            if (segments.Count > 0 && segments[^1] is var last && last.End == at && last.Captured == captured && last.Reason == reason)
            {
                segments.RemoveAt(segments.Count - 1);
                open = last with { End = null, OverLimit = false };
            }
            else
            {
                open = new RecordingSegment(at, null, captured, reason, false);
            }
        }

        if (replayed is null || replayed.Version != session.Version || replayed.Id != session.Id || replayed.Tenant != session.Tenant)
        {
            throw new ArgumentException($"The log is not the log of {session}: it replays to {replayed?.ToString() ?? "nothing"}.", nameof(events));
        }

        if (open is { } stillOpen)
        {
            segments.Add(stillOpen);
        }

        return [.. segments];

        void Close(Instant end)
        {
            if (open is { } segment && end > segment.Start)
            {
                segments.Add(segment with { End = end, OverLimit = segment.Reason == UncapturedReason.SecurePayment && end - segment.Start > max });
            }

            open = null;
        }

        static Result<RecordingSession> Invalid() => new ContactKitError(RecordingErrorCodes.InvalidEvent, "A recording log begins with InteractionStarted.", "events");
    }

    /// <summary>The report as text a person can read, times in UTC.</summary>
    /// <returns>The text, with <c>\n</c> line endings.</returns>
    public string ToText()
    {
        var text = new StringBuilder();
        Line(text, $"Recording {Recording} ({Channel}) for tenant {Tenant}: {State}");
        Line(text, $"Started {Time(StartedAt)}" + (EndedAt is { } ended ? $", ended {Time(ended)}" : ", still live"));
        Line(text, $"Captured {Length(Captured)}, not captured {Length(NotCaptured)}");
        Line(text, "Timeline:");
        foreach (var segment in Segments)
        {
            var what = segment.Captured ? "captured" : $"not captured: {Describe(segment.Reason)}";
            var until = segment.End is { } end ? Time(end) : "now";
            var flag = segment.OverLimit ? " [FLAG: secure pause longer than the policy allows]" : string.Empty;
            Line(text, $"  {Time(segment.Start)} - {until}  {what}{flag}");
        }

        Line(text, "Parties:");
        foreach (var presence in Parties)
        {
            var party = presence.Party;
            var told = presence.Notice is { } notice
                ? $"told {Time(notice.At)} by {Describe(notice.Method)}, notice {notice.Notice} version {notice.Version}"
                : !party.Role.NeedsNotice(StaffToldByEmployment) ? "staff, told through terms of employment"
                : party.Requirement == CaptureRequirement.ExplicitConsent ? "asked for explicit consent"
                : "never told";
            var consent = presence.Consent is { } answer
                ? $"; consent {(answer.Given ? "given" : "refused")} {Time(answer.At)} by {Describe(answer.Method)} ({answer.Evidence})"
                : party.Requirement == CaptureRequirement.ExplicitConsent && party.Role.NeedsNotice(StaffToldByEmployment) ? "; explicit consent never given" : string.Empty;
            var left = presence.LeftAt is { } leftAt ? $", left {Time(leftAt)}" : string.Empty;
            Line(text, $"  {party.Id} ({party.Role}, {party.Jurisdiction?.ToString() ?? "jurisdiction unknown"}) joined {Time(presence.JoinedAt)}{left}; {told}{consent}");
        }

        foreach (var media in Media)
        {
            Line(text, $"Stored {media.Kind}: {media.Location}, {media.SizeBytes} bytes, SHA-256 {media.Sha256}");
        }

        if (Redactions.Length > 0)
        {
            Line(text, "Redacted from transcripts before they were stored:");
            foreach (var group in Redactions.GroupBy(r => r.Entity, StringComparer.Ordinal))
            {
                var times = string.Join(", ", group.Where(r => r.AudioStart is not null).Select(r => $"{Offset(r.AudioStart!.Value)}-{Offset(r.AudioEnd ?? r.AudioStart!.Value)}"));
                Line(text, $"  {group.Key}: {group.Count()}" + (times.Length > 0 ? $" (at {times})" : string.Empty));
            }
        }

        if (CardDataSeenOutsidePause > 0)
        {
            Line(text, $"[FLAG: card data seen outside a secure pause, {CardDataSeenOutsidePause} time(s); redacted, but a pause should have happened]");
        }

        if (Deletion is { } deletion)
        {
            var decision = deletion.Authorised switch
            {
                true => $"; authorised by {deletion.DecidedBy} {Time(deletion.DecidedAt!.Value)}",
                false => $"; refused by {deletion.DecidedBy} {Time(deletion.DecidedAt!.Value)}: {deletion.RefusalReason}",
                null => "; awaiting a decision",
            };
            var disposed = deletion.DisposedAt is { } at ? $"; disposed of by {deletion.DisposedBy} {Time(at)}" : string.Empty;
            Line(text, $"Deletion requested by {deletion.RequestedBy} {Time(deletion.RequestedAt)} ({deletion.Reason}){decision}{disposed}");
        }

        return text.ToString();
    }

    /// <summary>The report as JSON, in the form of <see cref="RecordingJson.Options"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, RecordingJsonContext.Default.CaptureReport);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The text is not a capture report.</exception>
    public static CaptureReport FromJson(string json) =>
        RecordingJson.Read(json, RecordingJsonContext.Default.CaptureReport) ?? throw new JsonException("The JSON holds no capture report.");

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Time(Instant instant) => InstantPattern.General.Format(instant);

    private static string Length(Duration duration) => duration.ToString("H:mm:ss", CultureInfo.InvariantCulture);

    private static string Offset(Duration offset) => offset.ToString("H:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Describe(UncapturedReason? reason) => reason switch
    {
        UncapturedReason.BotPhase => "bot or IVR phase",
        UncapturedReason.NotStarted => "capture not started",
        UncapturedReason.RecordingDisabled => "recording not on the plan",
        UncapturedReason.SecurePayment => "secure payment",
        UncapturedReason.OnHold => "on hold",
        UncapturedReason.SubjectObjection => "the caller asked to stop recording",
        UncapturedReason.MissingNotice => "a party had not been told",
        UncapturedReason.MissingConsent => "a party had not given explicit consent",
        UncapturedReason.ConsentRefused => "a party refused consent",
        _ => "unknown",
    };

    private static string Describe(NoticeMethod method) => method switch
    {
        NoticeMethod.Announcement => "announcement",
        NoticeMethod.Banner => "banner",
        NoticeMethod.AgentScript => "agent script",
        _ => "unknown",
    };

    private static string Describe(ConsentAnswerMethod method) => method switch
    {
        ConsentAnswerMethod.KeyPress => "key press",
        ConsentAnswerMethod.Spoken => "spoken answer",
        ConsentAnswerMethod.ChatReply => "chat reply",
        _ => "unknown",
    };
}
