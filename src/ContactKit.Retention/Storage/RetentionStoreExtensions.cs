namespace ContactKit.Retention;

/// <summary>Reads shared by the service and the planner.</summary>
internal static class RetentionStoreExtensions
{
    /// <summary>The active holds that cover <paramref name="item"/>, read by its targets rather than from every hold.</summary>
    public static async ValueTask<List<LegalHold>> ReadHoldsCoveringAsync(this IRetentionStore store, RetainedItem item, CancellationToken cancellationToken)
    {
        var holds = new List<LegalHold>();
        await foreach (var hold in store.ReadActiveHoldsAsync(item.Tenant, [.. HoldTarget.Reaching(item)], cancellationToken).ConfigureAwait(false))
        {
            holds.Add(hold);
        }

        return holds;
    }

    /// <summary>Whether any active hold covers <paramref name="item"/>, read by its targets and stopping at the first.</summary>
    public static async ValueTask<bool> IsHeldAsync(this IRetentionStore store, RetainedItem item, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ReadActiveHoldsAsync(item.Tenant, [.. HoldTarget.Reaching(item)], cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }
}
