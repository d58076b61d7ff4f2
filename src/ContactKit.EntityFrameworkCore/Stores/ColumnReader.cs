using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Reads the columns of one row into domain values, remembering the first column that does not hold a valid value, so
/// that a row written outside the store gives a coded error naming the table, the row and the column, never its content.
/// </summary>
/// <param name="table">The table.</param>
/// <param name="key">The row's key, as the error names it.</param>
internal sealed class ColumnReader(string table, string key)
{
    private string? _failed;

    public T Id<T>(string? text, string column)
        where T : struct, IContactKitId<T>
    {
        if (T.TryParse(text, null, out var id))
        {
            return id;
        }

        _failed ??= column;
        return default;
    }

    public T? OptionalId<T>(string? text, string column)
        where T : struct, IContactKitId<T> => text is null ? null : Id<T>(text, column);

    public Instant Instant(long ticks, string column)
    {
        if (ticks >= NodaTime.Instant.MinValue.ToUnixTimeTicks() && ticks <= NodaTime.Instant.MaxValue.ToUnixTimeTicks())
        {
            return NodaTime.Instant.FromUnixTimeTicks(ticks);
        }

        _failed ??= column;
        return default;
    }

    public Instant? OptionalInstant(long? ticks, string column) => ticks is { } value ? Instant(value, column) : null;

    public LocalDate? OptionalDate(string? text, string column)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        _failed ??= column;
        return null;
    }

    public T Enum<T>(int number, string column)
        where T : struct, Enum
    {
        var value = (T)System.Enum.ToObject(typeof(T), number);
        if (System.Enum.IsDefined(value))
        {
            return value;
        }

        _failed ??= column;
        return default;
    }

    public T[] Json<T>(string text, JsonTypeInfo<T[]> type, string column)
    {
        try
        {
            if (JsonSerializer.Deserialize(text, type) is { } values && !values.Contains(default))
            {
                return values;
            }
        }
        catch (JsonException)
        {
            // Reported below, with the column.
        }

        _failed ??= column;
        return [];
    }

    public void Fail(string column) => _failed ??= column;

    /// <summary>The value built from the columns, or the coded error naming the first column that failed.</summary>
    public Result<T> Finish<T>(Func<T> build) =>
        _failed is null ? Result<T>.Success(build()) : StoreErrors.CorruptRow(table, key, $"its column {ContactKitModel.SnakeCase(_failed)} does not hold a valid value");
}
