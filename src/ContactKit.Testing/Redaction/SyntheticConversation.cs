using ContactKit.Redaction;

namespace ContactKit.Testing;

/// <summary>A kind of value that looks like personal data but must stay in a transcript.</summary>
public enum HardNegative
{
    /// <summary>An order number, digits or letters and digits.</summary>
    OrderNumber = 1,

    /// <summary>A parcel tracking number.</summary>
    TrackingNumber = 2,

    /// <summary>A date, written or spoken.</summary>
    Date = 3,

    /// <summary>An amount of money.</summary>
    Money = 4,

    /// <summary>A time of day.</summary>
    Time = 5,

    /// <summary>The last four digits of a card ("the card ending 1234"), which may remain.</summary>
    CardEnding = 6,
}

/// <summary>
/// One labelled stretch of a synthetic message: either a value that must be removed (<see cref="Entity"/>) or a hard
/// negative that must stay (<see cref="Negative"/>).
/// </summary>
/// <param name="Message">The message's index in its conversation.</param>
/// <param name="Start">The first character.</param>
/// <param name="Length">The length in characters.</param>
/// <param name="Entity">The entity type, for a value to remove.</param>
/// <param name="Negative">The hard-negative kind, for a value to keep.</param>
/// <param name="Group">For a card, an id shared by every part of the same card (a split card has one part per message); otherwise -1.</param>
public sealed record SyntheticSpan(int Message, int Start, int Length, RedactionEntity? Entity, HardNegative? Negative, int Group = -1);

/// <summary>A card number in a synthetic conversation, with the messages its parts lie in, for the leak check.</summary>
/// <param name="Group">The id shared by its spans.</param>
/// <param name="Digits">Its digits.</param>
/// <param name="Messages">The indexes of the messages that hold its parts, in order.</param>
/// <param name="Form">How it was written: <c>written</c>, <c>split</c>, <c>spoken</c> or <c>mixed</c>.</param>
public sealed record SyntheticCard(int Group, string Digits, IReadOnlyList<int> Messages, string Form);

/// <summary>A generated contact-centre conversation with its labels.</summary>
/// <param name="Messages">The messages, in order.</param>
/// <param name="Spans">Every labelled span.</param>
/// <param name="Cards">Every card number, for the leak check.</param>
public sealed record SyntheticConversation(IReadOnlyList<TranscriptMessage> Messages, IReadOnlyList<SyntheticSpan> Spans, IReadOnlyList<SyntheticCard> Cards);
