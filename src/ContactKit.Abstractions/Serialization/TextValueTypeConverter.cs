using System.ComponentModel;
using System.Globalization;

namespace ContactKit;

/// <summary>
/// Converts a <see cref="ITextValue{TSelf}"/> from and to its text, so that configuration binding
/// (<c>appsettings.json</c>) and other <see cref="TypeDescriptor"/> users read it through the type's own validation.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class TextValueTypeConverter<T> : TypeConverter
    where T : ITextValue<T>
{
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

        var result = T.ParseText(text);
        return result.IsSuccess ? result.Value : throw new ContactKitFormatException(result.Error);
    }

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T typed ? typed.Value : base.ConvertTo(context, culture, value, destinationType);
}
