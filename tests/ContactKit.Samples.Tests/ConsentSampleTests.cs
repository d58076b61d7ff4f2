using ContactKit.Samples.ContactCentre;

namespace ContactKit.Samples.Tests;

public class ConsentSampleTests
{
    [Fact]
    public async Task ConsentDemo_UkCallerHearsNoticeAndCarriesOn()
    {
        var text = await RunAsync();

        Assert.Contains("Caller from GB-ENG: Notice, decided by party caller-uk (GB-ENG): Notice under the GB rule", text, StringComparison.Ordinal);
        Assert.Contains("The caller carries on talking.", text, StringComparison.Ordinal);
        Assert.Contains("Ledger #1: ImpliedByContinuing on contact-centre/v1/en-GB, evidence rec-caller-uk at 11s; training consent is Given", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentDemo_CaliforniaCallerGetsTheExplicitPrompt()
    {
        var text = await RunAsync();

        Assert.Contains("Caller from US-CA: ExplicitConsent, decided by party caller-ca (US-CA): ExplicitConsent under the US-CA rule 'all-party consent' (Cal. Penal Code s 632)", text, StringComparison.Ordinal);
        Assert.Contains("Press 1 if you agree.", text, StringComparison.Ordinal);
        Assert.Contains("Ledger #2: KeyPress", text, StringComparison.Ordinal);
        Assert.Contains("training &amp; quality", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentDemo_ShortNoticeRevisionIsRefused()
    {
        var text = await RunAsync();

        Assert.Contains("Revision effective in 7 days: CK0300: A revised notice published on 2026-03-02 must give 30 days of notice, so it can take effect on 2026-04-01 at the earliest", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentDemo_MarketingListPrintsRefusedNumbersWithReasons()
    {
        var text = await RunAsync();

        Assert.Contains("CALL   +44•••••••101 may call: screened on 2026-03-02; not on TPS or CTPS", text, StringComparison.Ordinal);
        Assert.Contains("REFUSE +44•••••••102 refused: screened on 2026-03-02; on the TPS register with no specific consent", text, StringComparison.Ordinal);
        Assert.Contains("CALL   +44•••••••103 may call: screened on 2026-03-02; on the TPS register but gave this caller specific consent", text, StringComparison.Ordinal);
        Assert.Contains("REFUSE +44•••••••104 refused: objected to direct marketing", text, StringComparison.Ordinal);
        Assert.Contains("REFUSE +44•••••••105 refused: screened on 2026-03-02; on the CTPS register with no specific consent", text, StringComparison.Ordinal);
        Assert.Contains("REFUSE +44•••••••106 refused: last screened on 2026-01-20, too long ago", text, StringComparison.Ordinal);
        Assert.Contains("REFUSE +44•••••••199 refused: never screened against TPS/CTPS", text, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync()
    {
        using var output = new StringWriter();
        await ConsentDemo.RunAsync(output);
        return output.ToString();
    }
}
