using ContactKit.Redaction;
using Microsoft.Extensions.Options;

namespace ContactKit.Redaction;

/// <summary>
/// Redacts contact-centre conversations: payment cards (written, split over messages or spoken), security codes and
/// expiry dates in the context of a card, UK sort codes and account numbers, National Insurance numbers, telephone
/// numbers, email addresses and postcodes. Deterministic and idempotent; it never returns, logs or keeps a removed value.
/// Thread-safe: each conversation gets its own <see cref="RedactionStream"/>.
/// </summary>
public sealed class Redactor
{
    private readonly IOptionsMonitor<RedactionOptions> _options;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RedactionSettings, CompiledSettings> _compiled = [];

    /// <summary>Creates the redactor over validated options.</summary>
    /// <param name="options">The options, bound per tenant.</param>
    public Redactor(IOptionsMonitor<RedactionOptions> options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Starts a conversation to be fed one message at a time. See <see cref="RedactionStream.Add"/> for when a message is
    /// returned.
    /// </summary>
    /// <param name="tenant">The tenant whose settings apply.</param>
    /// <returns>The stream.</returns>
    public RedactionStream Start(TenantId tenant) =>
        new(new ConversationScanner(_compiled.GetValue(_options.CurrentValue.For(tenant), static s => new CompiledSettings(s))));

    /// <summary>Redacts a whole conversation.</summary>
    /// <param name="tenant">The tenant whose settings apply.</param>
    /// <param name="messages">The messages, in the order they were said or sent.</param>
    /// <returns>Every message redacted, with the report; or a refusal (<c>CK0603</c>) naming a message whose word timings are wrong.</returns>
    public Result<ConversationRedaction> Redact(TenantId tenant, IEnumerable<TranscriptMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var stream = Start(tenant);
        var output = messages.TryGetNonEnumeratedCount(out var count) ? new List<RedactedMessage>(count) : [];
        foreach (var message in messages)
        {
            var added = stream.Add(message);
            if (added.IsFailure)
            {
                return added.Error!;
            }

            output.AddRange(added.Value);
        }

        output.AddRange(stream.Complete());
        return new ConversationRedaction(output, stream.Report);
    }
}

/// <summary>
/// One conversation being redacted message by message. A message is returned as soon as nothing later can change its
/// redaction: at once, unless its text ends in digits that the same party's next message could complete into a card
/// number. Such a message is held back (with any earlier one its trailing digits began in) until the next message
/// arrives, so a caller never receives text that is later found to hold part of a card. <see cref="Complete"/> returns
/// whatever is still held. Not thread-safe: feed one conversation from one thread.
/// </summary>
public sealed class RedactionStream
{
    private readonly ConversationScanner _scanner;
    private bool _completed;

    internal RedactionStream(ConversationScanner scanner) => _scanner = scanner;

    /// <summary>The counts so far by entity type.</summary>
    public RedactionReport Report => _scanner.Report();

    /// <summary>Adds the next message and returns every message that is now final, in conversation order.</summary>
    /// <param name="message">The next message.</param>
    /// <returns>The final messages (possibly none, possibly earlier ones), or a refusal: <c>CK0603</c> when the word
    /// timings point outside the text or run backwards, <c>CK0604</c> when the stream was completed.</returns>
    public Result<IReadOnlyList<RedactedMessage>> Add(TranscriptMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            return new ContactKitError(RedactionErrorCodes.StreamCompleted, "The conversation was completed; start a new stream for new messages.", "message");
        }

        if (CheckWords(message) is { } error)
        {
            return error;
        }

        return _scanner.Add(message);
    }

    /// <summary>Ends the conversation and returns every message still held back.</summary>
    /// <returns>The remaining messages, in order.</returns>
    public IReadOnlyList<RedactedMessage> Complete()
    {
        if (_completed)
        {
            return [];
        }

        _completed = true;
        return _scanner.Complete();
    }

    private static ContactKitError? CheckWords(TranscriptMessage message)
    {
        ArgumentNullException.ThrowIfNull(message.Text, nameof(message));
        var words = message.Words ?? [];
        var previousStart = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Start < previousStart || w.Length < 0 || w.Start + w.Length > message.Text.Length)
            {
                return OutsideText(i);
            }

            if (w.AudioEnd < w.AudioStart)
            {
                return EndsBeforeStart(i);
            }

            previousStart = w.Start;
        }

        return null;
    }

    // The refusals are made apart from the check, which every message goes through.
    private static ContactKitError OutsideText(int i) =>
        new(RedactionErrorCodes.InvalidWordTiming, $"Word {i} lies outside the text or before the word ahead of it; give each word's offset and length in the message text, in order.", $"Words[{i}]");

    private static ContactKitError EndsBeforeStart(int i) =>
        new(RedactionErrorCodes.InvalidWordTiming, $"Word {i} ends in the audio before it starts; give its start and end from the start of the recording.", $"Words[{i}]");
}
