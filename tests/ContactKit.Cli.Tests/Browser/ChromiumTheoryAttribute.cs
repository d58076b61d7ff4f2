namespace ContactKit.Cli.Tests.Browser;

/// <summary>A theory that needs headless Chromium: skipped with a reason where it is absent, except on CI (<c>CI=true</c>), where it must run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (Chromium.Executable is null && !Chromium.OnCi)
        {
            Skip = "Chromium is not installed (looked for CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome); 'apt-get install -y chromium' to run this test. On CI it runs, and fails when Chromium is missing.";
        }
    }
}
