using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ContactKit;

/// <summary>
/// The details of an audit entry (<see cref="AuditEntry.Details"/>): a handful of name-value pairs, sorted by name
/// (ordinal) and read-only once built. Every package writes an entry for each thing it does, so details are built far
/// more often than they are read: <see cref="Of"/> builds them in one allocation, with no dictionary on the way.
/// </summary>
public sealed class AuditDetails : IReadOnlyDictionary<string, string>
{
    /// <summary>No details.</summary>
    public static AuditDetails Empty { get; } = new([]);

    private readonly KeyValuePair<string, string>[] _pairs;

    private AuditDetails(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    /// <inheritdoc />
    public int Count => _pairs.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _pairs.Select(pair => pair.Key);

    /// <inheritdoc />
    public IEnumerable<string> Values => _pairs.Select(pair => pair.Value);

    /// <inheritdoc />
    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The audit entry has no detail named {Errors.Excerpt(key)}.");

    /// <summary>Details from name-value pairs, in any order.</summary>
    /// <param name="details">The pairs, for example <c>AuditDetails.Of(new("rule", name), new("due_at", due))</c>.</param>
    /// <returns>The details, sorted by name.</returns>
    /// <exception cref="ArgumentException">Two pairs have the same name, or a name is null.</exception>
    public static AuditDetails Of(params ReadOnlySpan<KeyValuePair<string, string>> details) =>
        details.IsEmpty ? Empty : Sorted(details.ToArray());

    /// <summary>The details, sorted by name; the same instance when they already are.</summary>
    /// <param name="details">The details as given.</param>
    /// <returns>The sorted details.</returns>
    /// <exception cref="ArgumentException">Two details have the same name.</exception>
    internal static AuditDetails From(IReadOnlyDictionary<string, string> details)
    {
        if (details is AuditDetails sorted)
        {
            return sorted;
        }

        if (details.Count == 0)
        {
            return Empty;
        }

        var pairs = new KeyValuePair<string, string>[details.Count];
        var count = 0;
        foreach (var pair in details)
        {
            if (count == pairs.Length)
            {
                Array.Resize(ref pairs, count * 2);
            }

            pairs[count++] = pair;
        }

        Array.Resize(ref pairs, count);
        return Sorted(pairs);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _pairs[index].Value : null;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Sorts the pairs in place by name and checks that no name is missing or given twice.
    private static AuditDetails Sorted(KeyValuePair<string, string>[] pairs)
    {
        foreach (var pair in pairs)
        {
            if (pair.Key is null)
            {
                throw new ArgumentException("An audit entry's detail needs a name.", "details");
            }
        }

        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < pairs.Length; i++)
        {
            if (string.Equals(pairs[i - 1].Key, pairs[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The audit entry's details name {Errors.Excerpt(pairs[i].Key)} twice.", "details");
            }
        }

        return new AuditDetails(pairs);
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int low = 0, high = _pairs.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(_pairs[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
