namespace ContactKit.Retention;

/// <summary>Reads shared by the service and the planner.</summary>
internal static class RetentionStoreExtensions
{
    public static async ValueTask<List<LegalHold>> ReadActiveHoldsAsync(this IRetentionStore store, TenantId tenant, CancellationToken cancellationToken)
    {
        var holds = new List<LegalHold>();
        await foreach (var hold in store.ReadHoldsAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            if (hold.IsActive)
            {
                holds.Add(hold);
            }
        }

        return holds;
    }
}
