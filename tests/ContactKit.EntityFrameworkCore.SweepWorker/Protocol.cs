using System.Threading.Channels;

namespace ContactKit.EntityFrameworkCore.SweepWorker;

/// <summary>
/// The line protocol between a hosted sweep process and the test that drives it. Every line the process writes to
/// standard output starts with <c>"? "</c> when the process then waits for the test's reply (any line on standard
/// input) and with <c>". "</c> when it goes on at once. When standard input closes, nothing waits any more and the
/// action given to <see cref="Start"/> runs, so a process whose test has gone stops rather than lingers.
/// </summary>
internal sealed class Protocol(bool stepping)
{
    private readonly Lock _gate = new();
    private readonly Channel<string> _replies = System.Threading.Channels.Channel.CreateUnbounded<string>();

    /// <summary>Starts reading replies; <paramref name="inputClosed"/> runs once standard input closes.</summary>
    public void Start(Action inputClosed) => _ = Task.Run(() => ReadRepliesAsync(inputClosed));

    /// <summary>Whether each step of the sweep waits for the test's reply, so that a signal lands exactly after the step it chose.</summary>
    public bool Stepping { get; } = stepping;

    /// <summary>Writes a line and goes on.</summary>
    public void Tell(string text) => Write(". " + text);

    /// <summary>Writes a line naming a step of the sweep; when <see cref="Stepping"/>, waits for the reply.</summary>
    public async ValueTask StepAsync(string text, CancellationToken cancellationToken)
    {
        if (Stepping)
        {
            await AskAsync(text, cancellationToken);
        }
        else
        {
            Tell(text);
        }
    }

    /// <summary>Writes a line and waits for the reply.</summary>
    /// <returns>Whether a reply came; <see langword="false"/> once standard input has closed.</returns>
    public async ValueTask<bool> AskAsync(string text, CancellationToken cancellationToken)
    {
        Write("? " + text);
        try
        {
            await _replies.Reader.ReadAsync(cancellationToken);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    private async Task ReadRepliesAsync(Action inputClosed)
    {
        using var input = new StreamReader(Console.OpenStandardInput());
        while (await input.ReadLineAsync() is { } line)
        {
            await _replies.Writer.WriteAsync(line);
        }

        _replies.Writer.Complete();
        inputClosed();
    }
}
