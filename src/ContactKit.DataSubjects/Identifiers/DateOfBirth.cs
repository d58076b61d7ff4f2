using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ContactKit;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.DataSubjects;

/// <summary>
/// A date of birth: never in the future and never more than <see cref="MaxAgeYears"/> years ago. Accepts ISO
/// (<c>1980-03-14</c>) and UK day-first forms (<c>14/03/1980</c>, <c>14-03-1980</c>, <c>14.03.1980</c>, <c>14 03 1980</c>).
/// </summary>
/// <remarks>
/// Whether a date is in the future depends on today, so <see cref="Parse(string, LocalDate)"/> and
/// <see cref="Create(LocalDate, LocalDate)"/> take today's date in the tenant's zone. <see cref="ParseText(string?)"/>
/// (used when reading JSON) checks the format and the earliest plausible year only: a stored value was checked against
/// its day when it was captured. <see cref="ToString"/> returns the masked form (<c>1980-••-••</c>).
/// </remarks>
[JsonConverter(typeof(TextValueJsonConverter<DateOfBirth>))]
public readonly record struct DateOfBirth : ITextValue<DateOfBirth>
{
    /// <summary>The greatest age accepted, in years.</summary>
    public const int MaxAgeYears = 130;

    /// <summary>The earliest year accepted when no "today" is known.</summary>
    public const int EarliestYear = 1880;

    private const string Field = "dateOfBirth";
    private static readonly LocalDatePattern[] Patterns =
    [
        LocalDatePattern.Iso,
        LocalDatePattern.CreateWithInvariantCulture("d'/'M'/'uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("d'-'M'-'uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("d'.'M'.'uuuu"),
        LocalDatePattern.CreateWithInvariantCulture("d' 'M' 'uuuu"),
    ];

    private DateOfBirth(LocalDate date) => Date = date;

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>The ISO form, for example <c>1980-03-14</c>.</summary>
    public string Value => LocalDatePattern.Iso.Format(Date);

    /// <summary>The date with day and month hidden (for example <c>1980-••-••</c>).</summary>
    public string Masked => $"{Date.Year:D4}-{IdentifierText.Mask}{IdentifierText.Mask}-{IdentifierText.Mask}{IdentifierText.Mask}";

    /// <summary>The age in whole years on a date.</summary>
    /// <param name="on">The date.</param>
    /// <returns>The age.</returns>
    public int AgeOn(LocalDate on) => Period.Between(Date, on, PeriodUnits.Years).Years;

    /// <summary>Checks a date of birth against today.</summary>
    /// <param name="date">The date of birth.</param>
    /// <param name="today">Today's date in the tenant's zone.</param>
    /// <returns>The date of birth, or an error with code <see cref="DataSubjectsErrorCodes.InvalidDateOfBirth"/>.</returns>
    public static Result<DateOfBirth> Create(LocalDate date, LocalDate today)
    {
        // Dates in another calendar are compared as ISO dates; the earliest plausible day is clamped to the ISO range.
        date = date.WithCalendar(CalendarSystem.Iso);
        today = today.WithCalendar(CalendarSystem.Iso);
        if (date > today)
        {
            return Invalid("it is in the future");
        }

        var earliest = today.Year - MaxAgeYears > LocalDate.MinIsoValue.Year ? today.PlusYears(-MaxAgeYears) : LocalDate.MinIsoValue;
        if (date < earliest)
        {
            return Invalid($"it is more than {MaxAgeYears} years ago, which is not plausible; check the year");
        }

        return new DateOfBirth(date);
    }

    /// <summary>Parses a date of birth and checks it against today.</summary>
    /// <param name="text">The text, for example <c>14/03/1980</c>.</param>
    /// <param name="today">Today's date in the tenant's zone.</param>
    /// <returns>The date of birth, or an error with code <see cref="DataSubjectsErrorCodes.InvalidDateOfBirth"/>.</returns>
    public static Result<DateOfBirth> ParseText(string? text, LocalDate today) =>
        ParseDate(text).Then(date => Create(date, today));

    /// <summary>
    /// Parses a date of birth, checking the format and that the year is at least <see cref="EarliestYear"/> but not
    /// whether it is in the future (no today is known); prefer <see cref="ParseText(string?, LocalDate)"/> for input.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The date of birth, or an error with code <see cref="DataSubjectsErrorCodes.InvalidDateOfBirth"/>.</returns>
    public static Result<DateOfBirth> ParseText(string? text) =>
        ParseDate(text).Then(date => date.Year < EarliestYear
            ? Invalid($"its year is before {EarliestYear}, which is not plausible; check the year")
            : Result<DateOfBirth>.Success(new DateOfBirth(date)));

    /// <summary>Parses a date of birth and checks it against today.</summary>
    /// <param name="text">The text.</param>
    /// <param name="today">Today's date in the tenant's zone.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0405</c>).</exception>
    public static DateOfBirth Parse(string text, LocalDate today) => ParseText(text, today).OrThrowFormat();

    /// <summary>Parses a date of birth, checking the format and the earliest year only (as <see cref="ParseText(string?)"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The date of birth.</returns>
    /// <exception cref="ContactKitFormatException">The text breaks a rule (code <c>CK0405</c>).</exception>
    public static DateOfBirth Parse(string text) => ParseText(text).OrThrowFormat();

    /// <summary>Parses a date of birth without throwing, checking it against today.</summary>
    /// <param name="text">The text.</param>
    /// <param name="today">Today's date in the tenant's zone.</param>
    /// <param name="value">The date of birth, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, LocalDate today, out DateOfBirth value) => ParseText(text, today).TryGetValue(out value);

    /// <summary>Returns the masked form, never the date itself.</summary>
    /// <returns>The masked form.</returns>
    public override string ToString() => Masked;

    private static Result<LocalDate> ParseDate(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 20)
        {
            return Invalid("it must be a date such as '1980-03-14' or '14/03/1980' (day first)");
        }

        // Only digits and the four separators: a NUL or any other character must never end the parse early.
        foreach (var c in trimmed)
        {
            if (!char.IsAsciiDigit(c) && c is not ('-' or '/' or '.' or ' '))
            {
                return Invalid("it may hold only digits and the separators '-', '/', '.' or a space");
            }
        }

        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                return result.Value;
            }
        }

        return Invalid("it must be a real date written as '1980-03-14' or day first as '14/03/1980', '14-03-1980', '14.03.1980' or '14 03 1980'");
    }

    private static ContactKitError Invalid(string rule) =>
        IdentifierText.Invalid(DataSubjectsErrorCodes.InvalidDateOfBirth, "date of birth", rule, Field);
}
