using ContactKit.Recording;
using NodaTime;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Lifecycle;

/// <summary>Card details must never be captured: a secure-payment pause opens from every live state and ends only on purpose.</summary>
public class SecurePauseTests
{
    private static readonly Instant At0911 = Instant.FromUtc(2026, 3, 2, 9, 11, 0);

    // Regression (PCI): paused for a missing notice, CapturePaused(SecurePayment) was refused (CK0100), and telling the
    // party then resumed capture by itself while the caller read out the card. Seen: payment 09:11:30-09:12:10, captured
    // 09:11:40-09:12:30.
    [Fact]
    public void CapturePaused_SecurePaymentWhilePausedForMissingNotice_HoldsUntilResumedAndTheCardIsNotCaptured()
    {
        var capturing = Capturing().At(At0911, Join(Interpreter));
        Assert.Equal(UncapturedReason.MissingNotice, capturing.PauseReason);

        var paying = capturing.At(At0911 + Duration.FromSeconds(30), Pause());
        var told = paying.At(At0911 + Duration.FromSeconds(40), Told(Interpreter));
        var stillPaying = told.At(At0911 + Duration.FromSeconds(50), Join(Agent2));
        var resumed = stillPaying.At(At0911 + Duration.FromSeconds(70), Resume());
        var ended = resumed.At(At0911 + Duration.FromSeconds(90), End());

        Assert.Equal(RecordingState.Paused, told.State);
        Assert.Equal(UncapturedReason.SecurePayment, told.PauseReason);
        Assert.Equal(RecordingState.Paused, stillPaying.State);
        Assert.Equal(RecordingState.Capturing, resumed.State);
        var payment = new Interval(At0911 + Duration.FromSeconds(30), At0911 + Duration.FromSeconds(70));
        var captured = Report(ended).Segments.Where(s => s.Captured).Select(s => new Interval(s.Start, s.End!.Value));
        Assert.DoesNotContain(captured, c => c.Start < payment.End && payment.Start < c.End);
    }

    [Fact]
    public void CapturePaused_SecurePaymentWhileOnHold_BothOpenAndCaptureWaitsForBoth()
    {
        var onHold = Capturing().Then(Pause(UncapturedReason.OnHold));

        var both = onHold.Then(Pause());
        var holdOver = both.Then(Resume(UncapturedReason.OnHold));
        var paid = holdOver.Then(Resume());

        Assert.Equal([UncapturedReason.OnHold, UncapturedReason.SecurePayment], both.OpenPauses.Select(p => p.Reason));
        Assert.Equal(RecordingState.Paused, holdOver.State);
        Assert.Equal(UncapturedReason.SecurePayment, holdOver.PauseReason);
        Assert.Equal(RecordingState.Capturing, paid.State);
    }

    [Fact]
    public void CapturePaused_SecurePaymentBeforeCaptureStarts_StartLeavesItPaused()
    {
        var paying = Begin().Then(Told(Caller)).Then(Pause());

        var started = paying.Then(Start());

        Assert.Equal(RecordingState.NotCapturing, paying.State);
        Assert.Equal(UncapturedReason.SecurePayment, paying.PauseReason);
        Assert.Equal(RecordingState.Paused, started.State);
        Assert.Equal(RecordingState.Capturing, started.Then(Resume()).State);
    }

    [Fact]
    public void CapturePaused_SecurePaymentDuringBotPhase_IsAccepted()
    {
        var paying = Begin(bot: true).Then(Pause());

        Assert.Equal(UncapturedReason.SecurePayment, paying.PauseReason);
        Assert.True(paying.IsOpen(UncapturedReason.SecurePayment));
    }

    [Fact]
    public void CapturePaused_SecurePaymentThenTransferToAToldOfficer_NoAutomaticResume()
    {
        var paying = Capturing().Then(Pause());

        var transferred = paying.Then(Transfer(Agent2, Agent, "licensing"));

        Assert.Equal(RecordingState.Paused, transferred.State);
        Assert.Equal(UncapturedReason.SecurePayment, transferred.PauseReason);
    }

    [Fact]
    public void CapturePaused_SecurePaymentAlreadyOpen_IsRefusedWithPauseAlreadyOpen()
    {
        var result = Capturing().Then(Pause()).Try(Pause());

        Assert.Equal(RecordingErrorCodes.PauseAlreadyOpen, result.Error?.Code);
    }

    [Fact]
    public void CaptureResumed_PauseNotOpen_IsRefusedWithPauseNotOpen()
    {
        var result = Capturing().Then(Pause(UncapturedReason.OnHold)).Try(Resume(UncapturedReason.SecurePayment));

        Assert.Equal(RecordingErrorCodes.PauseNotOpen, result.Error?.Code);
    }

    [Theory]
    [InlineData(UncapturedReason.MissingNotice)] // closes by itself once the party is told
    [InlineData(UncapturedReason.MissingConsent)] // closes by itself once the party consents
    public void CaptureResumed_AutomaticPause_IsRefusedWithInvalidPauseReason(UncapturedReason reason)
    {
        var result = Capturing().Then(Join(Interpreter)).Try(Resume(reason));

        Assert.Equal(RecordingErrorCodes.InvalidPauseReason, result.Error?.Code);
    }

    private readonly record struct Interval(Instant Start, Instant End);
}
