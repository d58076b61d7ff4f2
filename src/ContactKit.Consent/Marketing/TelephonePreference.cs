namespace ContactKit.Consent;

/// <summary>The opt-out registers for unsolicited marketing calls in the United Kingdom.</summary>
[Flags]
public enum TelephonePreferenceRegisters : byte
{
    /// <summary>On neither register.</summary>
    None = 0,

    /// <summary>The Telephone Preference Service register (individuals, PECR regulation 26).</summary>
    Tps = 1,

    /// <summary>The Corporate Telephone Preference Service register (corporate subscribers).</summary>
    Ctps = 2,
}

/// <summary>
/// Looks numbers up on the TPS and CTPS registers. Hosts implement it over their screening supplier;
/// <c>ContactKit.Testing</c> has a fake.
/// </summary>
public interface ITelephonePreferenceService
{
    /// <summary>Which registers a number is on today.</summary>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The registers the number is on.</returns>
    ValueTask<TelephonePreferenceRegisters> LookUpAsync(TelephoneNumber number, CancellationToken cancellationToken = default);
}
