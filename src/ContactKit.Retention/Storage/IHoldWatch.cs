namespace ContactKit.Retention;

/// <summary>
/// Whether legal holds cover items of one tenant, read afresh at each check, for as long as a sweep's batch runs (see
/// <see cref="IRetentionStore.WatchHoldsAsync"/>). One watch serves one batch at a time, not concurrent callers.
/// </summary>
public interface IHoldWatch : IAsyncDisposable
{
    /// <summary>Whether an active hold covers <paramref name="item"/> now: on the item itself, its subject, its interaction or its case.</summary>
    /// <param name="item">An item of the watch's tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when at least one active hold covers it.</returns>
    ValueTask<bool> IsHeldAsync(RetainedItem item, CancellationToken cancellationToken = default);
}

/// <summary>The watch a store gives by default: each check reads the holds that reach the item.</summary>
internal sealed class ReadingHoldWatch(IRetentionStore store, TenantId tenant) : IHoldWatch
{
    public ValueTask<bool> IsHeldAsync(RetainedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Tenant != tenant)
        {
            throw new ArgumentException($"Item '{item.Id}' belongs to another tenant than the watch.", nameof(item));
        }

        return store.IsHeldAsync(item, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
