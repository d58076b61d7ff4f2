using System.Collections;
using System.Collections.Frozen;

namespace ContactKit;

/// <summary>
/// An immutable set of personal data categories, keyed by dotted key. <see cref="Default"/> holds
/// <see cref="DataCategories.All"/>; a host adds its own with <see cref="With(DataCategory)"/>, which returns a new taxonomy.
/// </summary>
public sealed class DataCategoryTaxonomy : IReadOnlyCollection<DataCategory>
{
    private readonly FrozenDictionary<string, DataCategory> _byKey;
    private readonly DataCategory[] _ordered;

    private DataCategoryTaxonomy(IEnumerable<DataCategory> categories)
    {
        _ordered = [.. categories.OrderBy(c => c.Key.Value, StringComparer.Ordinal)];
        _byKey = _ordered.ToFrozenDictionary(c => c.Key.Value, StringComparer.Ordinal);
    }

    /// <summary>The predefined categories.</summary>
    public static DataCategoryTaxonomy Default { get; } = new(DataCategories.All);

    /// <inheritdoc />
    public int Count => _ordered.Length;

    /// <summary>Returns a taxonomy that also holds <paramref name="category"/>.</summary>
    /// <param name="category">The new category; its parent key must already be present.</param>
    /// <returns>The new taxonomy, or an error if the key is taken (<c>CK0008</c>) or the parent is missing (<c>CK0002</c>).</returns>
    public Result<DataCategoryTaxonomy> With(DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (_byKey.ContainsKey(category.Key.Value))
        {
            return new ContactKitError(ErrorCodes.DuplicateDataCategory, $"The taxonomy already holds the category '{category.Key}'; choose another key or keep the existing category.", "category");
        }

        if (category.Key.Parent is { } parent && !_byKey.ContainsKey(parent.Value))
        {
            return new ContactKitError(ErrorCodes.UnknownDataCategory, $"The category '{category.Key}' sits beneath '{parent}', which is not in the taxonomy; add '{parent}' first.", "category");
        }

        return new DataCategoryTaxonomy(_ordered.Append(category));
    }

    /// <summary>Finds the category for a key.</summary>
    /// <param name="key">The dotted key, for example <c>contact.phone</c>.</param>
    /// <returns>The category, or an error: <c>CK0003</c> for a malformed key, <c>CK0002</c> for an unknown one.</returns>
    public Result<DataCategory> Resolve(string? key) => DataCategoryKey.ParseText(key).Then(Resolve);

    /// <summary>Finds the category for a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The category, or an error with code <c>CK0002</c>.</returns>
    public Result<DataCategory> Resolve(DataCategoryKey key) =>
        _byKey.TryGetValue(key.Value, out var category)
            ? category
            : new ContactKitError(
                ErrorCodes.UnknownDataCategory,
                $"'{key}' is not a data category in this taxonomy. Top-level categories are: {string.Join(", ", _ordered.Where(c => c.Key.Parent is null).Select(c => c.Key.Value))}; add your own with DataCategoryTaxonomy.With.",
                "category");

    /// <summary>Whether the taxonomy holds a category with this key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(DataCategoryKey key) => _byKey.ContainsKey(key.Value);

    /// <summary>The categories directly beneath a key.</summary>
    /// <param name="key">The parent key.</param>
    /// <returns>The children, in key order.</returns>
    public IEnumerable<DataCategory> ChildrenOf(DataCategoryKey key) => _ordered.Where(c => c.Key.Parent == key);

    /// <inheritdoc />
    public IEnumerator<DataCategory> GetEnumerator() => ((IEnumerable<DataCategory>)_ordered).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
