using NodaTime;

namespace ContactKit.Calendars;

/// <summary>One bank holiday in one UK division.</summary>
/// <param name="Date">The day on which the holiday is taken (a substitute day where the usual date is a weekend).</param>
/// <param name="Title">Its name, for example <c>Spring bank holiday</c>.</param>
/// <param name="IsSubstitute">Whether the day stands in for a holiday whose usual date fell on a weekend or was moved.</param>
public readonly record struct BankHoliday(LocalDate Date, string Title, bool IsSubstitute = false);
