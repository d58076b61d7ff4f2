namespace ContactKit.Hosting;

/// <summary>The stable error codes of the hosted workers (CK0700-CK0799), each described in <c>docs/errors.md</c>.</summary>
public static class HostingErrorCodes
{
    /// <summary>A disposal sweep of a tenant failed: the store threw or refused a whole batch. The sweep backs off and retries.</summary>
    public const string SweepFailed = "CK0700";

    /// <summary>Due items waited longer than <see cref="DisposalSweepOptions.MaxLag"/> to be disposed of, or the sweep has not finished a run for that long.</summary>
    public const string SweepLagging = "CK0701";

    /// <summary>A statutory deadline (a rights request, or a deletion on request) has passed with the work not done.</summary>
    public const string DeadlineOverdue = "CK0702";

    /// <summary>A deadline watch of a tenant failed: a store threw. The watch tries again at its next run.</summary>
    public const string WatchFailed = "CK0703";
}
