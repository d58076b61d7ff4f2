namespace ContactKit.Redaction;

/// <summary>
/// What the tokenizer noticed about a message on its one pass, so that the detectors that cannot find anything in it
/// are not run: a message with no number in it holds no card, one with no <c>@</c> and no "at" holds no email address.
/// </summary>
/// <param name="Cues">The cue words in the message, and <see cref="Cues.Marker"/> (with <see cref="Cues.Card"/> for the
/// card marker) when it holds a marker the redactor wrote.</param>
/// <param name="HasNumber">Whether it holds a run of digits or a number word, so that it may hold number items.</param>
/// <param name="HasAt">Whether it holds an <c>@</c> or the word "at".</param>
/// <param name="HasSlash">Whether it holds a <c>/</c>.</param>
/// <param name="AsciiDigits">How many ASCII digits it holds anywhere, alone or touching letters.</param>
/// <param name="HasNonAscii">Whether it holds a character outside ASCII (which may be a digit of another script).</param>
/// <param name="MayEndIdentifier">Whether an ASCII digit touches a letter, or a run of digits is followed by one space
/// and a letter A to D with no ASCII letter or digit after it: what every postcode (<c>1AA</c>) and National Insurance
/// number (<c>56C</c>, <c>56 C</c>) ends in.</param>
internal readonly record struct TokenSummary(Cues Cues, bool HasNumber, bool HasAt, bool HasSlash, int AsciiDigits, bool HasNonAscii, bool MayEndIdentifier)
{
    /// <summary>Whether it holds an ASCII digit anywhere.</summary>
    public bool HasAsciiDigit => AsciiDigits > 0;
}

/// <summary>
/// Splits message text into tokens in one pass. Letters and digits that touch form one token, so the digits of an
/// alphanumeric reference (<c>ORD12345678</c>, <c>AB123456789GB</c>) never count as a number. A marker that the redactor
/// itself wrote is one opaque token, so redacted text redacts to itself. ASCII characters are told apart by a table;
/// only other characters ask the Unicode rules.
/// </summary>
internal static class Tokenizer
{
    // What an ASCII character starts or continues: a word, a run of spaces, or a one-character token of its kind.
    private const byte Letter = 0x80;
    private const byte Digit = 0x81;
    private const byte White = 0x82;

    private static readonly byte[] Ascii = BuildAscii();

    public static TokenSummary Tokenize(string text, CompiledSettings settings, List<Token> tokens)
    {
        tokens.Clear();
        var markers = settings.Markers;
        var ascii = Ascii;
        var span = text.AsSpan();
        var cues = Cues.None;
        var hasNumber = false;
        var hasAt = false;
        var hasSlash = false;
        var asciiDigits = 0;
        var hasNonAscii = false;
        var mayEndIdentifier = false;
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (settings.MayStartMarker(c) && MarkerAt(span[i..], markers) is var marker and >= 0)
            {
                mayEndIdentifier |= SuffixAfterDigits(span, i, i + markers[marker].Length, tokens);
                tokens.Add(new Token(TokenKind.Marker, i, markers[marker].Length));
                cues |= Cues.Marker | (markers[marker] == settings.CardMarker ? Cues.Card : Cues.None);
                i += markers[marker].Length;
                continue;
            }

            byte kind;
            if (c < 128)
            {
                kind = ascii[c];
            }
            else
            {
                hasNonAscii = true;
                kind = char.IsLetterOrDigit(c) ? Letter : char.IsWhiteSpace(c) ? White : OtherKind(c);
            }

            if (kind is Letter or Digit)
            {
                var start = i;
                var hasLetter = false;
                var digits = 0;
                while (i < span.Length)
                {
                    var d = span[i];
                    if (d < 128)
                    {
                        var k = ascii[d];
                        if (k == Letter)
                        {
                            hasLetter = true;
                        }
                        else if (k == Digit)
                        {
                            digits++;
                        }
                        else if (!(d == '\'' && hasLetter && i + 1 < span.Length && char.IsLetter(span[i + 1])))
                        {
                            break;
                        }
                    }
                    else if (char.IsLetterOrDigit(d))
                    {
                        hasLetter = true; // a non-ASCII digit is never read as a number here
                        hasNonAscii = true;
                    }
                    else
                    {
                        break;
                    }

                    i++;
                }

                asciiDigits += digits;
                if (hasLetter)
                {
                    mayEndIdentifier |= digits > 0 || SuffixAfterDigits(span, start, i, tokens);
                    var (cls, value) = Words.Classify(span[start..i]);
                    tokens.Add(new Token(TokenKind.Word, start, i - start, cls, value));
                    if (cls != WordClass.Other)
                    {
                        cues |= CueOf(cls);
                        hasNumber |= cls is WordClass.Digit or WordClass.Teen or WordClass.Tens;
                        hasAt |= cls == WordClass.AtWord;
                    }
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Digits, start, i - start));
                    hasNumber = true;
                }

                continue;
            }

            if (kind == White)
            {
                var start = i;
                while (++i < span.Length && (span[i] < 128 ? ascii[span[i]] == White : char.IsWhiteSpace(span[i])))
                {
                }

                tokens.Add(new Token(TokenKind.Space, start, i - start));
                continue;
            }

            tokens.Add(new Token((TokenKind)kind, i, 1));
            hasAt |= kind == (byte)TokenKind.At;
            hasSlash |= kind == (byte)TokenKind.Slash;
            i++;
        }

        return new TokenSummary(cues, hasNumber, hasAt, hasSlash, asciiDigits, hasNonAscii, mayEndIdentifier);
    }

    /// <summary>
    /// Whether a token starting here with a letter A to D, and no ASCII letter or digit after that letter, follows a run of
    /// digits and one space: the suffix of a National Insurance number written in groups.
    /// </summary>
    private static bool SuffixAfterDigits(ReadOnlySpan<char> text, int start, int end, List<Token> tokens) =>
        (text[start] | 0x20) is >= 'a' and <= 'd' && (end - start == 1 || !char.IsAsciiLetterOrDigit(text[start + 1])) &&
        start >= 2 && text[start - 1] == ' ' && tokens.Count >= 2 && tokens[^1].Length == 1 && tokens[^2].Kind == TokenKind.Digits;

    /// <summary>The kind of context a word gives.</summary>
    public static Cues CueOf(WordClass cls) => cls switch
    {
        WordClass.CardCue => Cues.Card,
        WordClass.SecurityCue => Cues.Security,
        WordClass.ExpiryCue => Cues.Expiry,
        WordClass.SortCue or WordClass.AccountCue => Cues.Bank,
        WordClass.NegativeCue => Cues.Negative,
        _ => Cues.None,
    };

    /// <summary>The kind of a character that is neither a letter, a digit nor a space.</summary>
    private static byte OtherKind(char c) => (byte)(c switch
    {
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => TokenKind.Dash,
        '.' => TokenKind.Dot,
        ',' => TokenKind.Comma,
        '/' => TokenKind.Slash,
        ':' => TokenKind.Colon,
        '@' => TokenKind.At,
        '_' => TokenKind.Underscore,
        '+' => TokenKind.Plus,
        '£' or '$' or '€' => TokenKind.Currency,
        _ => TokenKind.Other,
    });

    private static byte[] BuildAscii()
    {
        var table = new byte[128];
        for (var c = '\0'; c < 128; c++)
        {
            table[c] = char.IsAsciiDigit(c) ? Digit : char.IsLetter(c) ? Letter : char.IsWhiteSpace(c) ? White : OtherKind(c);
        }

        return table;
    }

    /// <summary>The marker the text starts with, the longest first, or -1.</summary>
    private static int MarkerAt(ReadOnlySpan<char> text, string[] markers)
    {
        for (var m = 0; m < markers.Length; m++)
        {
            if (text.StartsWith(markers[m], StringComparison.Ordinal))
            {
                return m;
            }
        }

        return -1;
    }
}
