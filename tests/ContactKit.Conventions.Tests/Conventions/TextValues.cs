using System.Reflection;
using ContactKit.DataSubjects;
using ContactKit.Retention;

namespace ContactKit.Conventions.Tests.Conventions;

/// <summary>Every value type of the suite that is written as text, with valid samples of each.</summary>
internal static class TextValues
{
    /// <summary>Every public type implementing <see cref="ITextValue{TSelf}"/> for itself.</summary>
    public static IReadOnlyList<Type> Types { get; } = Suite.PublicTypes
        .Where(t => !t.IsInterface && !t.IsGenericTypeDefinition && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITextValue<>) && i.GetGenericArguments()[0] == t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    // One written sample for each type that has no predefined values; a new text value type needs a line here.
    private static readonly Dictionary<Type, string[]> Written = new()
    {
        [typeof(Jurisdiction)] = ["GB", "GB-ENG", "US-CA"],
        [typeof(TelephoneNumber)] = ["+442079460999", "+14155550123"],
        [typeof(DataCategoryKey)] = ["contact.phone", "identifier.national_insurance_number"],
        [typeof(PersonName)] = ["Siobhán O'Neill", "Jo Bloggs"],
        [typeof(VehicleRegistration)] = ["AB12 CDE"],
        [typeof(EmailAddress)] = ["someone@example.com"],
        [typeof(NationalInsuranceNumber)] = ["AB123456C"],
        [typeof(DateOfBirth)] = ["1980-03-14"],
        [typeof(UkPostcode)] = ["SW1A 1AA", "M1 1AE"],
    };

    /// <summary>Valid text for <paramref name="type"/>: its predefined values, an id's text, or the samples above.</summary>
    public static IReadOnlyList<string> SamplesOf(Type type)
    {
        var predefined = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .Select(p => (string)type.GetProperty("Value")!.GetValue(p.GetValue(null))!)
            .ToList();
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IContactKitId<>)))
        {
            predefined.AddRange(["id-1", "A.b_c-d:9", new string('x', 128)]);
        }

        if (Written.TryGetValue(type, out var written))
        {
            predefined.AddRange(written);
        }

        return predefined;
    }
}
