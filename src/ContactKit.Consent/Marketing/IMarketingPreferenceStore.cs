namespace ContactKit.Consent;

/// <summary>
/// Each subject's marketing preferences (<see cref="MarketingPreferences"/>): what they told us about direct marketing,
/// opt-ins, opt-outs with their route, objections and partner sharing, kept per tenant and subject as an append-only list.
/// An event is never changed or removed.
/// </summary>
/// <remarks>
/// Implementations must pass <c>ContactKit.Testing.Conformance.MarketingPreferenceStoreContractTests</c>: append-only,
/// ordered, tenant-isolated, a replayed save changing nothing, and a save based on an older read refused rather than
/// losing what another writer appended.
/// </remarks>
public interface IMarketingPreferenceStore
{
    /// <summary>Reads a subject's preferences.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The preferences, with no events when the subject has told us nothing.</returns>
    ValueTask<Result<MarketingPreferences>> GetAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a subject's preferences: the stored events must begin the given ones, and the events after them are appended.
    /// Saving preferences whose events the store already holds (a replay) changes nothing and returns what is stored.
    /// </summary>
    /// <param name="preferences">The preferences, as read from the store and changed by their methods.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>
    /// The preferences as stored, or an error with code <see cref="ErrorCodes.VersionConflict"/> when another writer appended
    /// events the given preferences do not hold (read again and reapply the change), or
    /// <see cref="ConsentErrorCodes.InvalidMarketingEvent"/> naming the first invalid event.
    /// </returns>
    ValueTask<Result<MarketingPreferences>> SaveAsync(MarketingPreferences preferences, CancellationToken cancellationToken = default);
}
