using System.Buffers;

namespace ContactKit.Redaction;

/// <summary>A stretch of one message's text found to hold a value.</summary>
internal readonly record struct Detection(RedactionEntity Entity, int Start, int End);

/// <summary>A message processed but not yet returned, because its tail could still be the start of a split card.</summary>
internal sealed class PendingMessage(int index, TranscriptMessage message)
{
    public int Index { get; private set; } = index;

    public TranscriptMessage Message { get; private set; } = message;

    public List<Detection> Detections { get; } = [];

    /// <summary>Makes a spare hold the next message.</summary>
    public PendingMessage Reuse(int index, TranscriptMessage message)
    {
        (Index, Message) = (index, message);
        return this;
    }

    /// <summary>Lets go of a released message and its detections, so that the spare keeps nothing of it.</summary>
    public PendingMessage Emptied()
    {
        Message = null!;
        Detections.Clear();
        return this;
    }

    public bool Overlaps(int start, int end)
    {
        foreach (var d in Detections)
        {
            if (start < d.End && d.Start < end)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Which kinds of cue a message holds, so that a bare answer in the next messages can be read in context.</summary>
[Flags]
internal enum Cues
{
    None = 0,
    Card = 1,
    Security = 2,
    Expiry = 4,
    Bank = 8,
    Negative = 16,
    Marker = 32,
}

/// <summary>A tenant's settings prepared once: the markers to recognise and which entity types are on.</summary>
internal sealed class CompiledSettings
{
    public CompiledSettings(RedactionSettings settings)
    {
        Settings = settings;
        Markers = [.. RedactionEntityNames.All.Select(settings.MarkerFor).Distinct().OrderByDescending(m => m.Length)];
        MarkerFirstChars = SearchValues.Create([.. Markers.Select(m => m[0]).Distinct()]);
        _asciiMarkerStarts = new bool[128];
        foreach (var marker in Markers.Where(m => m[0] < 128))
        {
            _asciiMarkerStarts[marker[0]] = true;
        }

        MarkerFor = new string[RedactionEntityNames.All.Count + 1];
        Enabled = new bool[RedactionEntityNames.All.Count + 1];
        foreach (var entity in RedactionEntityNames.All)
        {
            Enabled[(int)entity] = entity == RedactionEntity.CardNumber || settings.IsEnabled(entity);
            MarkerFor[(int)entity] = settings.MarkerFor(entity);
        }
    }

    public RedactionSettings Settings { get; }

    public string[] Markers { get; }

    public SearchValues<char> MarkerFirstChars { get; }

    private readonly bool[] _asciiMarkerStarts;

    /// <summary>Whether a marker may start with this character (a table for ASCII, the search values for the rest).</summary>
    public bool MayStartMarker(char c) => c < 128 ? _asciiMarkerStarts[c] : MarkerFirstChars.Contains(c);

    public bool[] Enabled { get; }

    /// <summary>Which digit runs count as card numbers.</summary>
    public CardPolicy CardPolicy => Settings.CardPolicy;

    /// <summary>The marker that replaces a card number, which puts a card in context.</summary>
    public string CardMarker => MarkerFor[(int)RedactionEntity.CardNumber];

    /// <summary>The marker that replaces each entity type, by its number.</summary>
    public string[] MarkerFor { get; }
}
