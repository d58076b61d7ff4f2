using NodaTime;

namespace ContactKit.Consent;

/// <summary>What one screening of a number against the TPS and CTPS registers said, and the tenant's local date it was done.</summary>
/// <param name="Number">The number screened.</param>
/// <param name="Registers">The registers it was found on.</param>
/// <param name="ScreenedOn">The tenant's local date of the screening.</param>
public sealed record TelephoneScreening(TelephoneNumber Number, TelephonePreferenceRegisters Registers, LocalDate ScreenedOn)
{
    /// <summary>Checks the screening names a number and only the known registers.</summary>
    /// <returns><see langword="null"/> when valid, otherwise an error with code <see cref="ConsentErrorCodes.InvalidScreening"/> naming the field.</returns>
    public ContactKitError? Validate()
    {
        if (Number.Digits == 0)
        {
            return new ContactKitError(ConsentErrorCodes.InvalidScreening, "A screening needs the number that was screened.", nameof(Number));
        }

        return (Registers & ~(TelephonePreferenceRegisters.Tps | TelephonePreferenceRegisters.Ctps)) != 0
            ? new ContactKitError(ConsentErrorCodes.InvalidScreening, "A screening may name only the TPS and CTPS registers.", nameof(Registers))
            : null;
    }

    /// <summary>
    /// Checks what <see cref="ICallingListScreeningStore.RecordAsync"/> is given: a valid calling list name and a valid
    /// screening at every position.
    /// </summary>
    /// <param name="list">The calling list's name.</param>
    /// <param name="screenings">The screenings.</param>
    /// <returns>
    /// <see langword="null"/> when all are valid, otherwise the invalid-id error for the name or the first invalid
    /// screening's error with its position in the field (<c>screenings[2].Registers</c>).
    /// </returns>
    public static ContactKitError? ValidateBatch(string list, IReadOnlyCollection<TelephoneScreening> screenings)
    {
        ArgumentNullException.ThrowIfNull(screenings);
        if (Identifier.Validate(list, "calling list name") is { } error)
        {
            return error;
        }

        var i = 0;
        foreach (var screening in screenings)
        {
            if (screening is null)
            {
                return Errors.Required($"screenings[{i}]");
            }

            if (screening.Validate() is { } invalid)
            {
                return invalid.ForField($"screenings[{i}].{invalid.Field}");
            }

            i++;
        }

        return null;
    }
}

/// <summary>
/// The screenings of the numbers on a host's calling lists (PECR regulations 21 and 26: numbers are screened against TPS
/// and CTPS before they are called, and screened again when the screening is over 28 days old), kept so that a restarted
/// host still knows what each number's last screening said and when each list goes stale. Per tenant and calling list,
/// one screening per number: the latest.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.CallingListScreeningStoreContractTests</c>: a later
/// screening of a number replaces an earlier one and an earlier one never replaces a later one, whatever the order they
/// arrive in; lists and tenants never meet; what goes stale is counted from an index on the screening date, not by
/// reading the list.
/// </remarks>
public interface ICallingListScreeningStore
{
    /// <summary>
    /// Records screenings of numbers on a calling list. For each number the screening with the latest date is kept: one
    /// dated on or after the stored one replaces it, an earlier one changes nothing. Recording the same screenings again
    /// changes nothing.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="list">The calling list's name (an id: letters, digits and '. _ - :').</param>
    /// <param name="screenings">The screenings; a number given twice keeps its later screening.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// How many screenings were given, or the invalid-id error (<see cref="ErrorCodes.InvalidId"/>) for the list name or
    /// <see cref="ConsentErrorCodes.InvalidScreening"/> naming the field of the first invalid screening, in which case
    /// nothing is recorded.
    /// </returns>
    ValueTask<Result<int>> RecordAsync(TenantId tenant, string list, IReadOnlyCollection<TelephoneScreening> screenings, CancellationToken cancellationToken = default);

    /// <summary>Reads what a number's last screening on a calling list said.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="list">The calling list's name.</param>
    /// <param name="number">The number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The screening, or an error with code <see cref="ErrorCodes.NotFound"/> when the number was never screened on the list.</returns>
    ValueTask<Result<TelephoneScreening>> GetAsync(TenantId tenant, string list, TelephoneNumber number, CancellationToken cancellationToken = default);

    /// <summary>Reads every screening of a calling list, by number, so that a host can build its <see cref="MarketingCallIndex"/> again.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="list">The calling list's name.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The screenings, ordered by number.</returns>
    IAsyncEnumerable<TelephoneScreening> ReadAsync(TenantId tenant, string list, CancellationToken cancellationToken = default);

    /// <summary>Reads the names of the tenant's calling lists that hold screenings.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The names, in ordinal order.</returns>
    IAsyncEnumerable<string> ReadListsAsync(TenantId tenant, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the screenings of a calling list valid on <paramref name="today"/> that go stale within the next
    /// <paramref name="withinDays"/> days, and finds the first day one of them is stale: what
    /// <see cref="MarketingCallIndex.GoingStale"/> answers for an index built from the same screenings.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="list">The calling list's name.</param>
    /// <param name="today">Today's date in the tenant's time zone.</param>
    /// <param name="withinDays">How many days ahead to look; zero or more.</param>
    /// <param name="validityDays">How many days a screening stays valid (28 under PECR regulation 21); zero or more.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many go stale, and the first day one is stale.</returns>
    ValueTask<ScreeningsGoingStale> GoingStaleAsync(TenantId tenant, string list, LocalDate today, int withinDays, int validityDays, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a calling list: its campaign ended, so its screenings are removed.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="list">The calling list's name.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Whether the list held screenings.</returns>
    ValueTask<bool> WithdrawAsync(TenantId tenant, string list, CancellationToken cancellationToken = default);
}
