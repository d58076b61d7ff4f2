using System.Text.Json;
using ContactKit.Policies;

namespace ContactKit.Cli.Tests.Browser;

/// <summary>
/// The HTML notice of each sample policy, written by <c>contactkit render --format html</c>, opened in headless Chromium
/// at a phone's size: the page's language, its headings in order, its links (the contents to each section, each email
/// address a mailto: link and each web address a link), that it needs nothing from the network and
/// does not scroll sideways; a screenshot of each is saved under the test results (<c>artifacts/test-results/screenshots</c>).
/// </summary>
public sealed class NoticeInBrowserTests : IClassFixture<NoticeInBrowserTests.Browser>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    // Everything the assertions read from the page, collected in one evaluation.
    private const string PageFacts = """
        (() => ({
          lang: document.documentElement.lang,
          title: document.title,
          headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => ({ level: Number(h.tagName[1]), text: h.textContent.trim() })),
          links: [...document.querySelectorAll('a')].map(a => {
            const href = a.getAttribute('href') ?? '';
            const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
            const heading = target?.querySelector('h1,h2,h3,h4,h5,h6');
            return { href, text: a.textContent.trim(), found: target !== null, heading: heading ? heading.textContent.trim() : null };
          }),
          unlinked: (() => {
            const page = document.body.cloneNode(true);
            page.querySelectorAll('a').forEach(a => a.remove());
            return page.textContent.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|https?:\/\/\S+|www\.\S+|(\+44|\b0)\d[\d ]{8,12}\d/g) ?? [];
          })(),
          viewport: document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? '',
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          resources: performance.getEntriesByType('resource').length,
        }))()
        """;

    private readonly Browser _browser;

    public NoticeInBrowserTests(Browser browser) => _browser = browser;

    public static TheoryData<string> Samples => new(Directory.GetFiles(Repository.PathOf("samples/policies"), "*.policy.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [ChromiumTheory]
    [MemberData(nameof(Samples))]
    public async Task RenderedHtmlNotice_InChromium_HasItsLanguageHeadingsInOrderAndWorkingLinks(string sample)
    {
        var path = Repository.PathOf(Path.Combine("samples", "policies", sample));
        var policy = PolicyLoader.Load(File.ReadAllText(path)).Document!;
        using var folder = TempFile.Write(string.Empty);
        var html = Path.Combine(folder.Folder, "notice.html");
        var rendered = await CliRun.RunAsync("render", path, "--format", "html", "--output", html);
        Assert.Equal(0, rendered.ExitCode);

        await using var page = await (await _browser.StartedAsync()).OpenAsync(new Uri(html), PhoneWidth, PhoneHeight);
        var facts = await page.EvaluateAsync(PageFacts);
        await page.ScreenshotAsync(Screenshots(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(sample)) + ".png"));

        Assert.Equal(policy.Language, facts.GetProperty("lang").GetString());

        // One h1, the page's title, first; no level skipped on the way down.
        var headings = facts.GetProperty("headings").EnumerateArray().Select(h => (Level: h.GetProperty("level").GetInt32(), Text: h.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(1, headings[0].Level);
        Assert.Equal(facts.GetProperty("title").GetString(), headings[0].Text);
        Assert.Single(headings, h => h.Level == 1);
        Assert.All(headings.Zip(headings.Skip(1)), pair => Assert.True(pair.Second.Level <= pair.First.Level + 1, $"'{pair.Second.Text}' (h{pair.Second.Level}) follows an h{pair.First.Level}."));

        // The sections come in the order the Markdown notice gives them.
        var sections = NoticeRenderer.Render(policy, NoticeFormat.Markdown).Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(sections, headings.Where(h => h.Level == 2).Select(h => h.Text));

        // Every link in the page has words and leads to the section it names; the contents list every section, in order.
        var all = facts.GetProperty("links").EnumerateArray().Select(l => (Href: l.GetProperty("href").GetString()!, Text: l.GetProperty("text").GetString()!, Link: l)).ToList();
        var inPage = all.Where(l => l.Href.StartsWith('#')).ToList();
        Assert.All(inPage, l =>
        {
            Assert.NotEqual(string.Empty, l.Text);
            Assert.True(l.Link.GetProperty("found").GetBoolean(), $"The link to {l.Href} leads nowhere.");
            Assert.Equal(l.Text, l.Link.GetProperty("heading").GetString());
        });
        Assert.Equal(sections.Count > 1 ? sections : [], inPage.Select(l => l.Text));

        // Every email address is a mailto: link, every telephone number a tel: link dialling it from anywhere (+44 and the
        // national number without its leading 0), and every web address a link, showing what it opens: the controller's,
        // the data protection officer's and the rights contact's addresses and numbers, the regulator's site and
        // helpline; none is left as text.
        var outward = all.Except(inPage).ToList();
        Assert.All(outward, l => Assert.True(
            l.Href == $"mailto:{l.Text}" || l.Href == l.Text || l.Href == $"https://{l.Text}" || l.Href == Dialled(l.Text),
            $"The link '{l.Text}' opens {l.Href}."));
        string?[] stated = [policy.Controller?.Email, policy.Controller?.Dpo?.Email, policy.Rights?.Contact?.Email, policy.Controller?.Website?.ToString(), policy.Complaints?.Website?.ToString()];
        Assert.All(stated.OfType<string>(), address => Assert.Contains(outward, l => l.Text == address));
        string?[] numbers = [policy.Controller?.Phone, policy.Controller?.Dpo?.Phone, policy.Rights?.Contact?.Phone, policy.Complaints?.Phone];
        Assert.All(numbers.OfType<string>(), number => Assert.Contains(outward, l => l.Text == number && l.Href == Dialled(number)));
        Assert.Empty(facts.GetProperty("unlinked").EnumerateArray());

        // Readable on a phone: sized to the device, nothing wider than the screen, nothing fetched from elsewhere.
        Assert.Contains("width=device-width", facts.GetProperty("viewport").GetString(), StringComparison.Ordinal);
        Assert.True(facts.GetProperty("scrollWidth").GetInt32() <= facts.GetProperty("innerWidth").GetInt32(), "The notice scrolls sideways on a phone.");
        Assert.Equal(0, facts.GetProperty("resources").GetInt32());
    }

    // A UK number written nationally (as the sample policies write theirs), as a phone dials it from anywhere: +44 and
    // the national number without its leading 0.
    private static string Dialled(string written) => "tel:+44" + new string(written.Where(char.IsAsciiDigit).ToArray())[1..];

    private static string Screenshots(string name) => Path.Combine(
        Environment.GetEnvironmentVariable("CONTACTKIT_TEST_RESULTS") is { Length: > 0 } results ? results : Repository.PathOf("artifacts/test-results"),
        "screenshots",
        name);

    /// <summary>One browser for the class, started on first use (so a run that skips every test starts none).</summary>
    public sealed class Browser : IAsyncLifetime
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Chromium? _chromium;

        public async Task<Chromium> StartedAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _chromium ??= await Chromium.StartAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (_chromium is not null)
            {
                await _chromium.DisposeAsync();
            }

            _gate.Dispose();
        }
    }
}
