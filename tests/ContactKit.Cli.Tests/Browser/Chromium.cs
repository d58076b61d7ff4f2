using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ContactKit.Cli.Tests.Browser;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package) driven through the Chrome DevTools protocol over a WebSocket:
/// open a page, wait for its load event, evaluate script in it, take a screenshot. No library: the protocol is JSON.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly HttpClient _http;

    private Chromium(Process process, string profile, Uri endpoint)
    {
        _process = process;
        _profile = profile;
        _http = new HttpClient { BaseAddress = endpoint };
    }

    /// <summary>The browser's program: <c>CHROMIUM</c> when set, else the first of Debian's and the usual paths that exists.</summary>
    public static string? Executable { get; } = new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
        .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    /// <summary>Whether the run is on CI (<c>CI=true</c>), where the browser tests must run rather than be skipped.</summary>
    public static bool OnCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<Chromium> StartAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException(
            "Chromium was not found at /usr/bin/chromium (set CHROMIUM to its path). Install it with 'apt-get install -y chromium'; .ci/run installs it where absent.");
        var profile = Directory.CreateTempSubdirectory("contactkit-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // The sandbox needs user namespaces, which containers running as root do not give.
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("--no-sandbox");
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException($"Chromium ended before it listened for DevTools:\n{log}"));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (DevToolsLine().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri($"http://127.0.0.1:{m.Groups[1].Value}/"));
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new Chromium(process, profile, await listening.Task);
    }

    /// <summary>Opens a new tab, navigates it to <paramref name="url"/> and waits for the page's load event.</summary>
    public async Task<ChromiumPage> OpenAsync(Uri url, int width, int height)
    {
        using var response = await _http.PutAsync(new Uri("json/new?about:blank", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        var target = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), CancellationToken.None);
        var page = new ChromiumPage(socket);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = true });
        await page.SendAsync("Page.enable");
        await page.SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        await page.WaitForEventAsync("Page.loadEventFired");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // The browser's last writes to its profile may still be settling; the folder is under the temp folder.
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://[^:]+:(\d+)/")]
    private static partial Regex DevToolsLine();
}

/// <summary>One tab, spoken to over its DevTools WebSocket: one command at a time, events read in order.</summary>
public sealed class ChromiumPage(ClientWebSocket socket) : IAsyncDisposable
{
    private int _next;

    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = ++_next;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        while (true)
        {
            var reply = await ReceiveAsync();
            if (reply.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                return reply.TryGetProperty("error", out var error)
                    ? throw new InvalidOperationException($"DevTools refused {method}: {error}")
                    : reply.GetProperty("result");
            }
        }
    }

    public async Task WaitForEventAsync(string method)
    {
        while (!((await ReceiveAsync()).TryGetProperty("method", out var m) && m.GetString() == method))
        {
        }
    }

    /// <summary>Evaluates a script expression in the page and gives its value, which must be JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The script failed in the page: {exception}");
        }

        return result.GetProperty("result").GetProperty("value").Clone();
    }

    /// <summary>Saves a PNG of the whole page, beyond the viewport.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        socket.Dispose();
    }

    private async Task<JsonElement> ReceiveAsync()
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(chunk, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            buffer.Write(chunk, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}
