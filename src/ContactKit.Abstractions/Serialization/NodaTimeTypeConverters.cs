using System.ComponentModel;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContactKit;

/// <summary>
/// The one text form of NodaTime values in configuration (<c>appsettings.json</c>): ISO 8601 through NodaTime's own
/// patterns. <see cref="Register"/> installs the converters once per process, for every <see cref="TypeDescriptor"/>
/// user (the configuration binder among them); <c>AddContactKit()</c> calls it.
/// </summary>
internal static class NodaTimeTypeConverters
{
    private static int _registered;

    /// <summary>Installs the converters; later calls do nothing.</summary>
    internal static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        TypeDescriptor.AddAttributes(typeof(Duration), new TypeConverterAttribute(typeof(DurationTypeConverter)));
        TypeDescriptor.AddAttributes(typeof(Period), new TypeConverterAttribute(typeof(PeriodTypeConverter)));
        TypeDescriptor.AddAttributes(typeof(Instant), new TypeConverterAttribute(typeof(InstantTypeConverter)));
        TypeDescriptor.AddAttributes(typeof(LocalDate), new TypeConverterAttribute(typeof(LocalDateTypeConverter)));
        TypeDescriptor.AddAttributes(typeof(LocalTime), new TypeConverterAttribute(typeof(LocalTimeTypeConverter)));
    }

    /// <summary>Whether the text holds a control character, which NodaTime's parser may treat as the end of the text.</summary>
    internal static bool HasControlCharacter(string text) =>
        text.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || text.Contains('\u007F', StringComparison.Ordinal);
}

/// <summary>Converts a NodaTime value from and to text through one NodaTime pattern.</summary>
/// <typeparam name="T">The NodaTime type.</typeparam>
/// <param name="pattern">The pattern.</param>
/// <param name="form">How the text is written, for the error message (for example <c>an ISO 8601 period such as P6M</c>).</param>
internal abstract class NodaPatternTypeConverter<T>(IPattern<T> pattern, string form) : TypeConverter
{
    /// <summary>How the text is written, for error messages.</summary>
    protected string Form { get; } = form;

    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is not string text)
        {
            return base.ConvertFrom(context, culture, value);
        }

        if (!NodaTimeTypeConverters.HasControlCharacter(text) && Parse(text.Trim()) is { } parsed)
        {
            return parsed;
        }

        throw new ContactKitFormatException(new ContactKitError(ErrorCodes.InvalidOptions, $"{Errors.Excerpt(text)} is not a {typeof(T).Name}; write {Form}.", typeof(T).Name));
    }

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T typed ? pattern.Format(typed) : base.ConvertTo(context, culture, value, destinationType);

    /// <summary>Reads the text; <see langword="null"/> when it is not a value.</summary>
    protected virtual object? Parse(string text) => pattern.Parse(text) is { Success: true } result ? result.Value : null;
}

/// <summary>
/// A <see cref="Duration"/> as an ISO 8601 duration of days, hours, minutes and seconds (<c>PT10M</c>, <c>P1DT12H</c>,
/// <c>PT0.5S</c>; a day is 24 hours) or NodaTime's own <c>D:hh:mm:ss</c> (<c>0:00:10:00</c>). Years and months are
/// refused: their length varies. Written back in NodaTime's form, which reads back to the same duration.
/// </summary>
internal sealed class DurationTypeConverter() : NodaPatternTypeConverter<Duration>(DurationPattern.Roundtrip, "an ISO 8601 duration such as PT10M or P1DT12H (days, hours, minutes, seconds), or D:hh:mm:ss such as 0:00:10:00")
{
    protected override object? Parse(string text)
    {
        if (text.StartsWith('P'))
        {
            var iso = PeriodPattern.NormalizingIso.Parse(text);
            return iso.Success && iso.Value is { Years: 0, Months: 0 } period ? period.ToDuration() : null;
        }

        return base.Parse(text);
    }
}

/// <summary>A <see cref="Period"/> as ISO 8601 (<c>P6M</c>, <c>P1Y2M</c>, <c>P28D</c>, <c>P2W</c>), kept exactly as written.</summary>
internal sealed class PeriodTypeConverter() : NodaPatternTypeConverter<Period>(PeriodPattern.Roundtrip, "an ISO 8601 period such as P6M, P28D or P1Y2M");

/// <summary>An <see cref="Instant"/> as ISO 8601 in UTC (<c>2026-11-23T09:15:00Z</c>).</summary>
internal sealed class InstantTypeConverter() : NodaPatternTypeConverter<Instant>(InstantPattern.ExtendedIso, "an ISO 8601 instant in UTC such as 2026-11-23T09:15:00Z");

/// <summary>A <see cref="LocalDate"/> as ISO 8601 (<c>2026-11-23</c>).</summary>
internal sealed class LocalDateTypeConverter() : NodaPatternTypeConverter<LocalDate>(LocalDatePattern.Iso, "an ISO 8601 date such as 2026-11-23");

/// <summary>A <see cref="LocalTime"/> as ISO 8601 (<c>09:15:00</c>).</summary>
internal sealed class LocalTimeTypeConverter() : NodaPatternTypeConverter<LocalTime>(LocalTimePattern.ExtendedIso, "an ISO 8601 time of day such as 09:15:00");
