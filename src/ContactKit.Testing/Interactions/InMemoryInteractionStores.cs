using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ContactKit.Interactions;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="IInteractionStore"/> held in memory, for tests and samples. Thread-safe; passes
/// <c>ContactKit.Testing.Conformance.InteractionStoreContractTests</c>.
/// </summary>
public sealed class InMemoryInteractionStore : IInteractionStore
{
    private readonly VersionedMap<(TenantId, InteractionId), InteractionRecord> _map = new(r => (r.Tenant, r.Id), r => r.Version, (r, v) => r with { Version = v }, "interaction");

    /// <inheritdoc />
    public ValueTask<Result<InteractionRecord>> GetAsync(TenantId tenant, InteractionId interaction, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_map.Get((tenant, interaction), tenant, $"interaction {interaction}"));

    /// <inheritdoc />
    public ValueTask<Result<InteractionRecord>> SaveAsync(InteractionRecord interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return ValueTask.FromResult(_map.Save(interaction, null));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<InteractionRecord> FindBySubjectAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in _map.Where(r => r.Tenant == tenant && r.Involves(subject)).OrderBy(r => r.StartedAt))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
            await Task.Yield();
        }
    }
}

/// <summary>
/// An <see cref="IArtefactStore"/> held in memory, for tests and samples. Thread-safe; passes
/// <c>ContactKit.Testing.Conformance.ArtefactStoreContractTests</c>.
/// </summary>
public sealed class InMemoryArtefactStore : IArtefactStore
{
    private readonly VersionedMap<(TenantId, RetainedItemId), StoredArtefact> _map = new(a => (a.Tenant, a.RetainedItem), a => a.Version, (a, v) => a with { Version = v }, "artefact");

    // The artefacts of each interaction, in the order stored, as a database indexes them: reading one interaction's
    // artefacts costs the same however many are stored.
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, InteractionId), List<RetainedItemId>> _byInteraction = [];

    /// <inheritdoc />
    public ValueTask<Result<StoredArtefact>> SaveAsync(StoredArtefact artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        var saved = _map.Save(artefact, new ContactKitError(
            InteractionsErrorCodes.ArtefactAlreadyStored,
            $"Interaction {artefact.Interaction} already has an artefact named {Errors.Excerpt(artefact.Name)}; read it and save with its version to change it.",
            "name"));
        if (saved.IsSuccess)
        {
            lock (_gate)
            {
                var key = (artefact.Tenant, artefact.Interaction);
                if (!_byInteraction.TryGetValue(key, out var items))
                {
                    _byInteraction[key] = items = [];
                }

                if (!items.Contains(artefact.RetainedItem))
                {
                    items.Add(artefact.RetainedItem);
                }
            }
        }

        return ValueTask.FromResult(saved);
    }

    /// <inheritdoc />
    public ValueTask<Result<StoredArtefact>> GetAsync(TenantId tenant, RetainedItemId item, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_map.Get((tenant, item), tenant, $"artefact {item}"));

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredArtefact> ReadByInteractionAsync(TenantId tenant, InteractionId interaction, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        RetainedItemId[] items;
        lock (_gate)
        {
            items = _byInteraction.TryGetValue((tenant, interaction), out var stored) ? [.. stored] : [];
        }

        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_map.Get((tenant, item), tenant, $"artefact {item}") is { IsSuccess: true } found)
            {
                yield return found.Value;
            }

            await Task.Yield();
        }
    }
}

/// <summary>
/// An <see cref="IDeletionRequestStore"/> held in memory, for tests and samples. Thread-safe; passes
/// <c>ContactKit.Testing.Conformance.DeletionRequestStoreContractTests</c>.
/// </summary>
public sealed class InMemoryDeletionRequestStore : IDeletionRequestStore
{
    private readonly VersionedMap<(TenantId, DeletionRequestId), DeletionRequest> _map = new(r => (r.Tenant, r.Id), r => r.Version, (r, v) => r with { Version = v }, "deletion request");

    /// <inheritdoc />
    public ValueTask<Result<DeletionRequest>> GetAsync(TenantId tenant, DeletionRequestId request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_map.Get((tenant, request), tenant, $"deletion request {request}"));

    /// <inheritdoc />
    public ValueTask<Result<DeletionRequest>> SaveAsync(DeletionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(_map.Save(request, null));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DeletionRequest> ReadOpenAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var request in _map.Where(r => r.Tenant == tenant && r.State is DeletionRequestState.Requested or DeletionRequestState.Authorised))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return request;
            await Task.Yield();
        }
    }
}

/// <summary>
/// An <see cref="IArtefactContentProvider"/> and <see cref="IArtefactAnonymiser"/> held in memory: the host's storage of
/// derived data (sentiment, summaries, survey answers, calling line identity) in tests and samples. Anonymising content
/// keeps it, marked anonymised (<see cref="IsAnonymised"/>), with what <c>strip</c> leaves of it. Thread-safe; passes
/// <c>ContactKit.Testing.Conformance.ArtefactContentProviderContractTests</c> and <c>ArtefactAnonymiserContractTests</c>.
/// </summary>
/// <param name="strip">What anonymising leaves of some content; nothing when not given.</param>
public sealed class InMemoryArtefactContentProvider(Func<byte[], byte[]>? strip = null) : IArtefactContentProvider, IArtefactAnonymiser
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId, string), byte[]> _content = [];
    private readonly HashSet<(TenantId, string)> _anonymised = [];

    /// <summary>Keeps an artefact's content and returns its SHA-256 checksum in hex, for <see cref="StoredArtefact.Sha256"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">Where the artefact's content is (its <see cref="StoredArtefact.Location"/>).</param>
    /// <param name="content">The bytes.</param>
    /// <returns>The checksum.</returns>
    public string Put(TenantId tenant, string location, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            _content[(tenant, location)] = content.ToArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>Whether content is held at a location.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">The location.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Contains(TenantId tenant, string location)
    {
        lock (_gate)
        {
            return _content.ContainsKey((tenant, location));
        }
    }

    /// <summary>Whether the content at a location has been anonymised.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">The location.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool IsAnonymised(TenantId tenant, string location)
    {
        lock (_gate)
        {
            return _anonymised.Contains((tenant, location));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<string?>> DeleteAsync(StoredArtefact artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (artefact.Location is not { } location || !_content.Remove((artefact.Tenant, location), out var bytes))
            {
                return ValueTask.FromResult<Result<string?>>(Errors.NotFound($"content of artefact {Errors.Excerpt(artefact.Name)}", artefact.Tenant));
            }

            _anonymised.Remove((artefact.Tenant, location));
            return ValueTask.FromResult<Result<string?>>(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<string?>> AnonymiseAsync(StoredArtefact artefact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artefact);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (artefact.Location is not { } location || !_content.TryGetValue((artefact.Tenant, location), out var bytes))
            {
                return ValueTask.FromResult<Result<string?>>(Errors.NotFound($"content of artefact {Errors.Excerpt(artefact.Name)}", artefact.Tenant));
            }

            if (!_anonymised.Add((artefact.Tenant, location)))
            {
                return ValueTask.FromResult<Result<string?>>((string?)null); // anonymised already
            }

            _content[(artefact.Tenant, location)] = strip?.Invoke(bytes.ToArray()) ?? [];
            return ValueTask.FromResult<Result<string?>>(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }
}

// The versioned map behind the in-memory stores: version 0 adds, the stored version replaces, anything else conflicts.
internal sealed class VersionedMap<TKey, TValue>(Func<TValue, TKey> keyOf, Func<TValue, long> versionOf, Func<TValue, long, TValue> withVersion, string kind)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue> _values = [];
    private readonly List<TKey> _order = [];

    public Result<TValue> Get(TKey key, TenantId tenant, string resource)
    {
        lock (_gate)
        {
            return _values.TryGetValue(key, out var value) ? Result<TValue>.Success(value) : Errors.NotFound(resource, tenant);
        }
    }

    public Result<TValue> Save(TValue value, ContactKitError? alreadyStored)
    {
        lock (_gate)
        {
            var key = keyOf(value);
            var exists = _values.TryGetValue(key, out var stored);
            var version = versionOf(value);
            if (exists && version == 0 && alreadyStored is not null)
            {
                return alreadyStored;
            }

            var actual = exists ? versionOf(stored!) : 0;
            if (actual != version)
            {
                return Errors.VersionConflict(kind, version, actual);
            }

            var saved = withVersion(value, version + 1);
            if (!exists)
            {
                _order.Add(key);
            }

            _values[key] = saved;
            return saved;
        }
    }

    public IReadOnlyList<TValue> Where(Func<TValue, bool> match)
    {
        lock (_gate)
        {
            return _order.Select(k => _values[k]).Where(match).ToList();
        }
    }
}
