using NodaTime;
using NodaTime.Text;

namespace ContactKit.DataSubjects;

/// <summary>Formats dates the same way in every message and answer.</summary>
internal static class Dates
{
    /// <summary>The date in ISO form, for example <c>2026-04-02</c>.</summary>
    public static string Iso(this LocalDate date) => LocalDatePattern.Iso.Format(date);
}
