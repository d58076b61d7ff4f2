namespace ContactKit.Calendars;

/// <summary>The three UK jurisdictions that each have their own bank holidays.</summary>
public enum UkDivision
{
    /// <summary>England and Wales (feed key <c>england-and-wales</c>).</summary>
    EnglandAndWales,

    /// <summary>Scotland (feed key <c>scotland</c>).</summary>
    Scotland,

    /// <summary>Northern Ireland (feed key <c>northern-ireland</c>).</summary>
    NorthernIreland,
}
