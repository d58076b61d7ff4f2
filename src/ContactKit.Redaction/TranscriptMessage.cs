using NodaTime;

namespace ContactKit.Redaction;

/// <summary>
/// Where one word of a speech-to-text message lies in its text and in the audio, so that a redacted span can be mapped
/// to the stretch of recording to mute.
/// </summary>
/// <param name="Start">The word's first character in the message text.</param>
/// <param name="Length">The word's length in characters.</param>
/// <param name="AudioStart">When the word starts, from the start of the recording.</param>
/// <param name="AudioEnd">When the word ends, from the start of the recording.</param>
public readonly record struct WordTiming(int Start, int Length, Duration AudioStart, Duration AudioEnd);

/// <summary>One message of a conversation, in the order it was said or sent.</summary>
/// <param name="Party">Who said or typed it; a number split over messages is joined only across the same party's messages.</param>
/// <param name="Channel">The channel it came through.</param>
/// <param name="Text">The text, as typed or as speech-to-text wrote it.</param>
public sealed record TranscriptMessage(PartyId Party, Channel Channel, string Text)
{
    /// <summary>Word timings from speech-to-text, in text order; empty for typed messages.</summary>
    public IReadOnlyList<WordTiming> Words { get; init; } = [];
}
