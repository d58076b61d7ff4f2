using ContactKit.Recording;
using System.Text.Json;
using NodaTime;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Reports;

public class CaptureReportTests
{
    private static RecordingSession CouncilCall() =>
        Begin(bot: true)
            .Then(Told(Caller))
            .Then(Handover(Agent))
            .Then(Start())
            .Then(Pause())
            .Then(Resume())
            .Then(Transfer(Interpreter, Agent))
            .Then(Told(Interpreter, NoticeMethod.AgentScript))
            .Then(End())
            .Then(Stored());

    [Fact]
    public void From_CouncilCall_ListsEverySegmentWithItsReasonAndTotals()
    {
        var report = Report(CouncilCall());

        Assert.Equal(
            [UncapturedReason.BotPhase, UncapturedReason.NotStarted, null, UncapturedReason.SecurePayment, null, UncapturedReason.MissingNotice, null],
            report.Segments.Select(s => s.Reason));
        Assert.All(report.Segments, s => Assert.NotNull(s.End));
        Assert.Equal(Duration.FromMinutes(3), report.Captured);
        Assert.Equal(Duration.FromMinutes(5), report.NotCaptured);
        Assert.Equal(RecordingState.Available, report.State);
    }

    [Fact]
    public void From_CouncilCall_SaysWhoWasToldWhatAndWhen()
    {
        var report = Report(CouncilCall());

        var interpreter = Assert.Single(report.Parties, p => p.Party == Interpreter);
        Assert.Equal(NoticeMethod.AgentScript, interpreter.Notice!.Method);
        Assert.Equal(T0 + Duration.FromMinutes(7), interpreter.Notice.At);
        Assert.Equal(Notice, report.Parties.Single(p => p.Party == Caller).Notice!.Notice);
        Assert.Null(report.Parties.Single(p => p.Party == Agent).Notice);
    }

    [Fact]
    public void ToText_CouncilCall_ReadsAsAnAccount()
    {
        var text = Report(CouncilCall()).ToText();

        Assert.Contains("Recording rec-1 (VoiceCall) for tenant council: Available", text, StringComparison.Ordinal);
        Assert.Contains("2026-03-02T09:00:00Z - 2026-03-02T09:02:00Z  not captured: bot or IVR phase", text, StringComparison.Ordinal);
        Assert.Contains("not captured: secure payment", text, StringComparison.Ordinal);
        Assert.Contains("interpreter (ThirdParty, GB-SCT) joined 2026-03-02T09:06:00Z; told 2026-03-02T09:07:00Z by agent script, notice recording-announcement version v3", text, StringComparison.Ordinal);
        Assert.Contains("officer-1 (Agent, GB-ENG) joined 2026-03-02T09:02:00Z, left 2026-03-02T09:06:00Z; staff", text, StringComparison.Ordinal);
        Assert.Contains("Captured 0:03:00, not captured 0:05:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_LongSecurePause_IsFlagged()
    {
        var policy = RecordingPolicy.Default with { MaxSecurePause = Duration.FromSeconds(30) };
        var session = Capturing(policy).Then(Pause()).Then(Resume());

        Assert.Contains("[FLAG: secure pause longer than the policy allows]", Report(session).ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_DeletedRecording_ShowsTheWholeDeletion()
    {
        var session = Capturing().Then(End()).Then(Stored()).Then(RequestDeletion()).Then(Authorise()).Then(Dispose());

        var text = Report(session).ToText();

        Assert.Contains("Deletion requested by dpo", text, StringComparison.Ordinal);
        Assert.Contains("authorised by records-manager", text, StringComparison.Ordinal);
        Assert.Contains("disposed of by retention-service", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_RoundTrips_AndUsesCamelCaseAndEnumNames()
    {
        var report = Report(CouncilCall().Then(RequestDeletion()));

        var json = report.ToJson();
        var back = CaptureReport.FromJson(json);

        Assert.Contains("\"reason\":\"SecurePayment\"", json, StringComparison.Ordinal);
        Assert.Contains("\"startedAt\":\"2026-03-02T09:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Equal(report.Segments.AsEnumerable(), back.Segments);
        Assert.Equal(report.Parties.AsEnumerable(), back.Parties);
        Assert.Equal(report.Media.AsEnumerable(), back.Media);
        Assert.Equal(report with { Segments = back.Segments, Parties = back.Parties, Media = back.Media }, back);
    }

    // Regression: two events at one instant left a segment of no length in the report.
    [Fact]
    public void From_EventsAtTheSameInstant_ShowsNoZeroLengthSegment()
    {
        var capturing = Capturing();
        var at = capturing.LastChangedAt + Duration.FromMinutes(1);
        var session = capturing.At(at, Pause()).At(at, Resume()).At(at + Duration.FromMinutes(1), End());

        var segments = Report(session).Segments;

        Assert.DoesNotContain(segments, s => s.End == s.Start);
        Assert.DoesNotContain(segments, s => s.Reason == UncapturedReason.SecurePayment);
        Assert.Equal([false, true], segments.Select(s => s.Captured));
    }

    [Fact]
    public void From_LogOfAnotherSession_Throws()
    {
        var session = Capturing();

        Assert.Throws<ArgumentException>(() => CaptureReport.From(session.Then(Pause()), LogOf(session)));
    }

    // Regression: a lone surrogate made FromJson throw ArgumentException; it is documented to throw JsonException.
    [Theory]
    [InlineData("{\"tenant\":\"\uD800\"}")] // a lone high surrogate inside a string
    [InlineData("\uDC00")] // a lone low surrogate as the whole text
    public void FromJson_LoneSurrogate_ThrowsJsonException(string escaped)
    {
        var json = System.Text.RegularExpressions.Regex.Unescape(escaped);

        Assert.Throws<JsonException>(() => CaptureReport.FromJson(json));
    }

    // Regression: a report read from "{}" could not be written back (InvalidOperationException from a default array).
    [Fact]
    public void FromJson_EmptyObject_CanBeWrittenBackAndReadAgain()
    {
        var report = CaptureReport.FromJson("{}");

        var json = report.ToJson();

        Assert.Empty(report.Segments);
        Assert.Empty(report.Parties);
        Assert.Empty(report.Media);
        Assert.NotNull(json);
    }
}

public class TranscriptRedactionReportTests
{
    private static readonly RecordingMedia Chat = new(MediaKind.Transcript, "memory://rec-1/transcript", 400, new string('c', 64));

    private static RecordingSession CallWithRedactedTranscript() =>
        Capturing()
            .Then(new CardDataSeen(NewId(), 1))
            .Then(End())
            .Then(new TranscriptStored(NewId(), Chat)
            {
                Redactions =
                [
                    new TranscriptRedaction("card_number", Duration.FromSeconds(65), Duration.FromSeconds(72)),
                    new TranscriptRedaction("card_number", Duration.FromSeconds(80), Duration.FromSeconds(84)),
                    new TranscriptRedaction("email_address"),
                ],
            })
            .Then(new CardDataSeen(NewId(), 1));

    [Fact]
    public void From_TranscriptsWithRedactions_ListsEachByTypeAndTimeAndCountsCardDataOutsideAPause()
    {
        var report = Report(CallWithRedactedTranscript());

        Assert.Equal(["card_number", "card_number", "email_address"], report.Redactions.Select(r => r.Entity));
        Assert.Equal(Duration.FromSeconds(65), report.Redactions[0].AudioStart);
        Assert.Equal(2, report.CardDataSeenOutsidePause);
        Assert.Equal(RecordingState.Available, report.State);
    }

    [Fact]
    public void ToText_Redactions_GroupedByTypeWithTimesAndFlagged()
    {
        var text = Report(CallWithRedactedTranscript()).ToText();

        Assert.Contains("  card_number: 2 (at 0:01:05.000-0:01:12.000, 0:01:20.000-0:01:24.000)\n", text, StringComparison.Ordinal);
        Assert.Contains("  email_address: 1\n", text, StringComparison.Ordinal);
        Assert.Contains("[FLAG: card data seen outside a secure pause, 2 time(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_NothingRedacted_HasNoRedactionLines()
    {
        var text = Report(Capturing().Then(End()).Then(Stored())).ToText();

        Assert.DoesNotContain("Redacted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("card data", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_ReportWithRedactions_ReadsBackWithThem()
    {
        var report = Report(CallWithRedactedTranscript());

        var read = CaptureReport.FromJson(report.ToJson());

        Assert.Equal(report.Redactions, read.Redactions.AsEnumerable());
        Assert.Equal(2, read.CardDataSeenOutsidePause);
    }

    [Theory]
    [InlineData(RecordingState.Capturing)]
    [InlineData(RecordingState.Paused)]
    [InlineData(RecordingState.Processing)]
    [InlineData(RecordingState.Available)]
    public void IsAllowed_CardDataSeen_InEveryStateThatCapturesOrKeeps(RecordingState state)
    {
        Assert.True(RecordingTransitionTable.IsAllowed(state, RecordingEventKind.CardDataSeen));
        Assert.Contains(new RecordingTransition(state, RecordingEventKind.CardDataSeen, state), RecordingTransitionTable.Transitions);
    }

    [Fact]
    public void Apply_CardDataSeenWithNoCount_RefusedNamingTheField()
    {
        var refused = Capturing().Try(new CardDataSeen(NewId(), 0));

        Assert.Equal(RecordingErrorCodes.InvalidEvent, refused.Error?.Code);
        Assert.Equal("count", refused.Error?.Field);
    }

    [Fact]
    public void Apply_RedactionEndingBeforeItStarts_Refused()
    {
        var refused = Capturing().Then(End()).Try(new TranscriptStored(NewId(), Chat)
        {
            Redactions = [new TranscriptRedaction("card_number", Duration.FromSeconds(9), Duration.FromSeconds(3))],
        });

        Assert.Equal("redactions", refused.Error?.Field);
    }

    [Fact]
    public void Apply_CardDataSeenAfterDeletion_Refused()
    {
        var deleted = Capturing().Then(End()).Then(Stored()).Then(RequestDeletion()).Then(Authorise()).Then(new Disposed(NewId(), ActorId.Parse("sweep")));

        Assert.True(deleted.Try(new CardDataSeen(NewId(), 1)).IsFailure);
    }
}
