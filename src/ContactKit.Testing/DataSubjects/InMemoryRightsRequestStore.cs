using System.Runtime.CompilerServices;
using ContactKit.DataSubjects;
using NodaTime;

namespace ContactKit.Testing;

/// <summary>An <see cref="IRightsRequestStore"/> held in memory, for tests and samples. Thread-safe; passes <c>ContactKit.Testing.Conformance.RightsRequestStoreContractTests</c>.</summary>
public sealed class InMemoryRightsRequestStore : IRightsRequestStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId Tenant, RightsRequestId Id), RightsRequest> _requests = [];
    private readonly List<(TenantId Tenant, RightsRequestId Id)> _order = [];

    /// <inheritdoc />
    public ValueTask<Result<RightsRequest>> AddAsync(RightsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (request.Tenant, request.Id);
            if (_requests.ContainsKey(key))
            {
                return Done(new ContactKitError(DataSubjectsErrorCodes.DuplicateRequest, $"Rights request '{request.Id}' already exists in tenant '{request.Tenant}'; use a new id.", "id"));
            }

            var stored = request with { Version = 1 };
            _requests.Add(key, stored);
            _order.Add(key);
            return Done(stored);
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<RightsRequest>> GetAsync(TenantId tenant, RightsRequestId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Done(_requests.TryGetValue((tenant, id), out var request) ? request : Errors.NotFound($"rights request {id}", tenant));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<RightsRequest>> UpdateAsync(RightsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (request.Tenant, request.Id);
            if (!_requests.TryGetValue(key, out var current))
            {
                return Done(Errors.NotFound($"rights request {request.Id}", request.Tenant));
            }

            if (current.Version != request.Version)
            {
                return Done(Errors.VersionConflict($"rights request {request.Id}", request.Version, current.Version));
            }

            if (request.History.Length < current.History.Length || !request.History.AsSpan(0, current.History.Length).SequenceEqual(current.History.AsSpan()))
            {
                return Done(new ContactKitError(DataSubjectsErrorCodes.HistoryRewritten, $"The update to rights request '{request.Id}' changes or removes earlier history; history is append-only, so only add events after the stored ones.", "history"));
            }

            var stored = request with { Version = current.Version + 1 };
            _requests[key] = stored;
            return Done(stored);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RightsRequest> ListBySubjectAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
        Stream(Snapshot(tenant).Where(r => r.Subject == subject), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<RightsRequest> ListOpenDueByAsync(TenantId tenant, LocalDate dueOnOrBefore, CancellationToken cancellationToken = default) =>
        Stream(Snapshot(tenant).Where(r => r.IsOpen && r.DueOn <= dueOnOrBefore).OrderBy(r => r.DueOn).ThenBy(r => r.Id), cancellationToken);

    private static ValueTask<Result<RightsRequest>> Done(Result<RightsRequest> result) => ValueTask.FromResult(result);

    private static async IAsyncEnumerable<RightsRequest> Stream(IEnumerable<RightsRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return request;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private List<RightsRequest> Snapshot(TenantId tenant)
    {
        lock (_gate)
        {
            return [.. _order.Where(k => k.Tenant == tenant).Select(k => _requests[k])];
        }
    }
}
