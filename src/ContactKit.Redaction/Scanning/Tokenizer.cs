using System.Buffers;

namespace ContactKit.Redaction;

/// <summary>
/// Splits message text into tokens in one pass. Letters and digits that touch form one token, so the digits of an
/// alphanumeric reference (<c>ORD12345678</c>, <c>AB123456789GB</c>) never count as a number. A marker that the redactor
/// itself wrote is one opaque token, so redacted text redacts to itself.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(string text, IReadOnlyList<string> markers, SearchValues<char> markerFirstChars, List<Token> tokens)
    {
        tokens.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (markerFirstChars.Contains(c) && MarkerAt(text, i, markers) is var length and > 0)
            {
                tokens.Add(new Token(TokenKind.Marker, i, length));
                i += length;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                var hasLetter = false;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (char.IsLetter(d) || (char.IsDigit(d) && !char.IsAsciiDigit(d)))
                    {
                        hasLetter = true; // a non-ASCII digit is never read as a number
                    }
                    else if (!char.IsAsciiDigit(d) && !(d == '\'' && hasLetter && i + 1 < text.Length && char.IsLetter(text[i + 1])))
                    {
                        break;
                    }

                    i++;
                }

                if (hasLetter)
                {
                    var (cls, value) = Words.Classify(text.AsSpan(start, i - start));
                    tokens.Add(new Token(TokenKind.Word, start, i - start, cls, value));
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Digits, start, i - start));
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                var start = i;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Space, start, i - start));
                continue;
            }

            var kind = c switch
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
            };
            tokens.Add(new Token(kind, i, 1));
            i++;
        }
    }

    private static int MarkerAt(string text, int at, IReadOnlyList<string> markers)
    {
        for (var m = 0; m < markers.Count; m++)
        {
            if (text.AsSpan(at).StartsWith(markers[m], StringComparison.Ordinal))
            {
                return markers[m].Length;
            }
        }

        return 0;
    }
}
