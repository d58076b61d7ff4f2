namespace ContactKit.Redaction;

/// <summary>What a token of message text is.</summary>
internal enum TokenKind : byte
{
    Digits,
    Word,
    Space,
    Dash,
    Dot,
    Comma,
    Slash,
    Colon,
    At,
    Underscore,
    Plus,
    Currency,
    Marker,
    Other,
}

/// <summary>What a word means to the detectors. Only words that matter have a class; the rest are <see cref="Other"/>.</summary>
internal enum WordClass : byte
{
    Other,
    Digit,
    Teen,
    Tens,
    Double,
    Triple,
    Hesitation,
    DotWord,
    AtWord,
    Connector,
    Month,
    CardCue,
    SecurityCue,
    ExpiryCue,
    SortCue,
    AccountCue,
    EndingCue,
    NegativeCue,
    MoneyUnit,
}

/// <summary>One token: a run of letters and digits, a run of spaces, or one punctuation character.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Start">The first character.</param>
/// <param name="Length">The length in characters.</param>
/// <param name="Class">For a word, its class.</param>
/// <param name="Value">For a digit, teen, tens or month word, its value (0-9, 10-19, 20-90, 1-12).</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, WordClass Class = WordClass.Other, byte Value = 0)
{
    public int End => Start + Length;
}
