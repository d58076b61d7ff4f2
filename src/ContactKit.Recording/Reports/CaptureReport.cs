using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Recording;

/// <summary>
/// What a session captured, what it did not and why, and who was told about recording, when and how: the evidence
/// shown to an auditor or a complainant. Build one with <see cref="From"/>; read it with <see cref="ToText"/> or
/// serialise it with <see cref="ToJson"/>.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Recording">The recording id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="State">Where the session stands.</param>
/// <param name="StartedAt">When the interaction started.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="Captured">How long was captured in closed segments.</param>
/// <param name="NotCaptured">How long was not captured in closed segments.</param>
/// <param name="Segments">The timeline.</param>
/// <param name="Parties">Everyone who took part and how they were told.</param>
/// <param name="Holds">The legal holds on the recording.</param>
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
    ImmutableArray<LegalHoldId> Holds,
    ImmutableArray<RecordingMedia> Media,
    DeletionRecord? Deletion,
    bool StaffToldByEmployment = true)
{
    /// <summary>Builds the report of a session.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The report.</returns>
    public static CaptureReport From(RecordingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var segments = session.Segments;
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

        var holds = session.Holds.ToImmutableArray().Sort();
        return new CaptureReport(
            session.Tenant, session.Id, session.Channel, session.State, session.StartedAt, session.EndedAt,
            captured, notCaptured, segments, session.Parties, holds, session.Media, session.Deletion, session.Policy.StaffToldByEmployment);
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
                : party.Role.NeedsNotice(StaffToldByEmployment) ? "never told" : "staff, told through terms of employment";
            var left = presence.LeftAt is { } leftAt ? $", left {Time(leftAt)}" : string.Empty;
            Line(text, $"  {party.Id} ({party.Role}, {party.Jurisdiction}) joined {Time(presence.JoinedAt)}{left}; {told}");
        }

        foreach (var media in Media)
        {
            Line(text, $"Stored {media.Kind}: {media.Location}, {media.SizeBytes} bytes, SHA-256 {media.Sha256}");
        }

        if (!Holds.IsEmpty)
        {
            Line(text, $"Legal holds: {string.Join(", ", Holds)}");
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
        JsonSerializer.Deserialize(json, RecordingJsonContext.Default.CaptureReport) ?? throw new JsonException("The JSON holds no capture report.");

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Time(Instant instant) => InstantPattern.General.Format(instant);

    private static string Length(Duration duration) => duration.ToString("H:mm:ss", CultureInfo.InvariantCulture);

    private static string Describe(UncapturedReason? reason) => reason switch
    {
        UncapturedReason.BotPhase => "bot or IVR phase",
        UncapturedReason.NotStarted => "capture not started",
        UncapturedReason.RecordingDisabled => "recording not on the plan",
        UncapturedReason.SecurePayment => "secure payment",
        UncapturedReason.OnHold => "on hold",
        UncapturedReason.SubjectObjection => "the caller asked to stop recording",
        UncapturedReason.MissingNotice => "a party had not been told",
        _ => "unknown",
    };

    private static string Describe(NoticeMethod method) => method switch
    {
        NoticeMethod.Announcement => "announcement",
        NoticeMethod.Banner => "banner",
        NoticeMethod.AgentScript => "agent script",
        _ => "unknown",
    };
}
