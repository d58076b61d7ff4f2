using ContactKit.Samples.ContactCentre;

namespace ContactKit.Samples.Tests;

public class DataSubjectsSampleTests
{
    [Fact]
    public async Task DataSubjectsDemo_CallerAsksForCopyAndErasure_PrintsDeadlinesDecisionsAndAnswers()
    {
        using var output = new StringWriter();

        await DataSubjectsDemo.RunAsync(output);

        var text = output.ToString();
        Assert.Contains("name A••• M•••••, phone +44•••••••461, postcode RV1 •••, born 1985-••-••", text, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900461", text, StringComparison.Ordinal);
        Assert.Contains("CK0400: Not a valid National Insurance number: the first letter must not be D, F, I, Q, U or V", text, StringComparison.Ordinal);
        Assert.Contains("Access request (Art 15) received 2026-03-02: due 2026-04-02", text, StringComparison.Ordinal);
        Assert.Contains("Erasure request (Art 17) received 2026-03-02: due 2026-04-02", text, StringComparison.Ordinal);
        Assert.Contains("with other parties, to be reviewed for redaction before release: 1.", text, StringComparison.Ordinal);
        Assert.Contains("a completed request is final and never reopens", text, StringComparison.Ordinal);
        Assert.Contains("deletion due by 2026-04-07.", text, StringComparison.Ordinal);
        Assert.Contains("garden-waste enquiry of 2 February: Erase (Art 17(1))", text, StringComparison.Ordinal);
        Assert.Contains("missed-collection case record: Keep (Art 17(3)(b))", text, StringComparison.Ordinal);
        Assert.Contains("kept under legal hold hold-ombudsman-17", text, StringComparison.Ordinal);
        Assert.Contains("history: Receive -> Start -> AuthoriseErasure -> Complete.", text, StringComparison.Ordinal);
    }
}
