using NodaTime;

namespace ContactKit.Hosting;

/// <summary>What one run of the disposal sweep did, over every tenant.</summary>
/// <param name="Disposed">Items disposed of, with proof.</param>
/// <param name="NotDisposed">Claimed items that were not disposed of; each was released to be offered again.</param>
/// <param name="FailedTenants">Tenants whose sweep failed (the store threw or refused a whole batch).</param>
/// <param name="LongestLag">The longest time between an item's due instant and its disposal in this run.</param>
public sealed record DisposalSweepReport(int Disposed, int NotDisposed, int FailedTenants, Duration LongestLag)
{
    /// <summary>Whether the run failed for any tenant; the sweep then backs off before the next run.</summary>
    public bool Failed => FailedTenants > 0;
}
