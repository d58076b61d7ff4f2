using System.Globalization;

namespace ContactKit.Cli;

/// <summary>
/// A count of stored items read, redrawn in place on standard error every <see cref="Step"/> items; silent when standard
/// error is not a terminal, so logs and CI output stay clean.
/// </summary>
/// <param name="error">Standard error.</param>
/// <param name="enabled">Whether standard error is a terminal.</param>
internal sealed class ProgressIndicator(TextWriter error, bool enabled)
{
    /// <summary>How many items are read between two redraws.</summary>
    public const int Step = 1000;

    private int _shown;

    /// <summary>Called after each item is read.</summary>
    /// <param name="count">How many have been read so far.</param>
    public void ItemRead(int count)
    {
        if (enabled && count % Step == 0)
        {
            _shown = count;
            error.Write(string.Create(CultureInfo.InvariantCulture, $"\rReading stored items: {count:N0}"));
            error.Flush();
        }
    }

    /// <summary>Ends the line the indicator drew, if it drew one.</summary>
    /// <param name="count">How many items were read in all.</param>
    public void Done(int count)
    {
        if (enabled && _shown > 0)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\rReading stored items: {count:N0}, done."));
        }
    }
}
