using System.Runtime.CompilerServices;
using System.Text;
using ContactKit;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.DataSubjects;

/// <summary>
/// Logs and moves rights requests: applies the workflow at the clock's time in the tenant's zone, stores the result with
/// its version, and writes every change to the audit trail. Also answers which open requests are overdue or due soon.
/// </summary>
/// <param name="store">The request store.</param>
/// <param name="workflow">The workflow.</param>
/// <param name="audit">The audit trail.</param>
/// <param name="zones">The tenants' time zones.</param>
/// <param name="options">The due-soon window.</param>
/// <param name="clock">The clock.</param>
public sealed class RightsRequestService(
    IRightsRequestStore store,
    RightsRequestWorkflow workflow,
    IAuditTrail audit,
    ITenantTimeZones zones,
    IOptions<DataSubjectsOptions> options,
    IClock clock)
{
    /// <summary>Today's date in the tenant's zone.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The date.</returns>
    public LocalDate Today(TenantId tenant) => clock.GetCurrentInstant().InZone(zones.GetTimeZone(tenant)).Date;

    /// <summary>Logs a new request received now.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="right">The right exercised.</param>
    /// <param name="intake">How it arrived, the identity check and any representative.</param>
    /// <param name="by">Who logged it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored request, or the refusal.</returns>
    public async ValueTask<Result<RightsRequest>> ReceiveAsync(TenantId tenant, DataSubjectId subject, DataSubjectRight right, RequestIntake intake, ActorId by, CancellationToken cancellationToken = default)
    {
        var at = clock.GetCurrentInstant();
        var received = workflow.Receive(tenant, RightsRequestId.New(), subject, right, intake, by, at, Today(tenant));
        if (received.IsFailure)
        {
            return received;
        }

        var stored = await store.AddAsync(received.Value, cancellationToken).ConfigureAwait(false);
        if (stored.IsSuccess)
        {
            DataSubjectsTelemetry.RecordReceived(stored.Value);
            await AuditAsync(stored.Value, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Applies one step to a stored request, now. A concurrent change is reported as <see cref="ErrorCodes.VersionConflict"/>: read again and retry.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The request.</param>
    /// <param name="command">Builds the command from the current instant and today's date in the tenant's zone.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored request, or the refusal.</returns>
    public async ValueTask<Result<RightsRequest>> ApplyAsync(TenantId tenant, RightsRequestId id, Func<Instant, LocalDate, RightsRequestCommand> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var current = await store.GetAsync(tenant, id, cancellationToken).ConfigureAwait(false);
        if (current.IsFailure)
        {
            return current;
        }

        var today = Today(tenant);
        var next = workflow.Apply(current.Value, command(clock.GetCurrentInstant(), today));
        if (next.IsFailure)
        {
            return next;
        }

        var stored = await store.UpdateAsync(next.Value, cancellationToken).ConfigureAwait(false);
        if (stored.IsSuccess)
        {
            if (current.Value.IsOpen && !stored.Value.IsOpen)
            {
                DataSubjectsTelemetry.RecordClosed(stored.Value, today);
            }

            await AuditAsync(stored.Value, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Streams the tenant's open requests whose due date has passed (the clock stopped for clarification excluded), earliest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The overdue requests.</returns>
    public async IAsyncEnumerable<RightsRequest> OverdueAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var today = Today(tenant);
        await foreach (var request in store.ListOpenDueByAsync(tenant, today.PlusDays(-1), cancellationToken).ConfigureAwait(false))
        {
            if (request.IsOverdue(today))
            {
                yield return request;
            }
        }
    }

    /// <summary>Streams the tenant's open requests due from today to <see cref="DataSubjectsOptions.DueSoonWithinDays"/> days ahead, earliest first.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The requests due soon.</returns>
    public async IAsyncEnumerable<RightsRequest> DueSoonAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var today = Today(tenant);
        var days = options.Value.DueSoonWithinDays;
        await foreach (var request in store.ListOpenDueByAsync(tenant, today.PlusDays(days), cancellationToken).ConfigureAwait(false))
        {
            if (request.IsDueSoon(today, days))
            {
                yield return request;
            }
        }
    }

    private async ValueTask AuditAsync(RightsRequest request, CancellationToken cancellationToken)
    {
        var last = request.History[^1];
        await audit.AppendAsync(
            new AuditEntry
            {
                Tenant = request.Tenant,
                OccurredAt = last.At,
                Actor = last.By,
                Action = "rights_request." + SnakeCase(last.Action.ToString()),
                Resource = ResourceRef.RightsRequest(request.Id),
                Subject = request.Subject,
                Reason = last.Detail,
                Details = new Dictionary<string, string>
                {
                    ["right"] = request.Right.ToString(),
                    ["state"] = request.State.ToString(),
                    ["due_on"] = request.DueOn.Iso(),
                    ["version"] = request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
