using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// Retained items in <c>contactkit_retained_items</c> and legal holds in <c>contactkit_legal_holds</c>. Each item row
/// counts the active holds that reach it (<see cref="RetainedItemRow.HoldCount"/>), raised and lowered when a hold is
/// placed or released and counted again when the item is saved, so a claim is a range scan of the index on
/// (tenant, is_disposed, hold_count, dispose_at) that never visits a held item. Claims and the changes of one claimed
/// item are the conditional statements in <see cref="RetentionClaimsSql"/>; holds and saves of one tenant are ordered
/// against each other by a PostgreSQL advisory lock (exclusive for holds, shared for saves), on SQLite by its single writer.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreRetentionStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), IRetentionStore
    where TContext : DbContext
{
    private const string ItemScope = "item";
    private const string SubjectScope = "subject";
    private const string InteractionScope = "interaction";
    private const string CaseScope = "case";

    // The reads the sweep makes for every item, compiled once per model rather than translated on each call. A compiled
    // query serves one model only, and one process may hold the same context type on SQLite and on PostgreSQL.
    private static readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, CompiledReads> Compiled = [];

    public ValueTask<Result<StoredRetainedItem>> SaveAsync(StoredRetainedItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (tenant, id) = (item.Tenant.Value, item.Id.Value);
        return WriteAsync<StoredRetainedItem>($"retained item {item.Id}", async (context, ct) =>
        {
            await LockHoldsAsync(context, tenant, shared: true, ct).ConfigureAwait(false);
            var row = await context.Set<RetainedItemRow>().SingleOrDefaultAsync(r => r.Tenant == tenant && r.Id == id, ct).ConfigureAwait(false);
            if (row is not null && item.Version == 0)
            {
                return new ContactKitError(
                    RetentionErrorCodes.ItemAlreadyTracked,
                    $"Item '{item.Id}' is already tracked (version {row.Version}); change a stored item through RetentionService.RecordTriggerAsync or, to move it to another record class, ReclassifyAsync; tracking it again would lose its history.",
                    "id");
            }

            var actual = row?.Version ?? 0;
            if (actual != item.Version)
            {
                return Errors.VersionConflict("retained item", item.Version, actual);
            }

            if (row is { IsDisposed: true })
            {
                return AlreadyDisposed(item.Id);
            }

            if (row is null)
            {
                row = new RetainedItemRow { Tenant = tenant, Id = id, RecordClass = string.Empty, Triggers = string.Empty };
                context.Add(row);
            }

            // Claim, destruction and disposal columns are the store's and are left as they are.
            Fill(row, item);
            row.HoldCount = await ActiveHoldsOn(context, tenant, HoldTarget.Reaching(item.Item)).CountAsync(ct).ConfigureAwait(false);
            row.Version = actual + 1;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return item with
            {
                Version = row.Version,
                ClaimedBy = row.ClaimedBy is null ? null : ActorId.Parse(row.ClaimedBy),
                ClaimExpiresAt = row.ClaimExpiresAt is { } expires ? FromTicks(expires) : null,
                DestructionStartedAt = row.DestructionStartedAt is { } started ? FromTicks(started) : null,
                DisposedAt = null,
                DisposedBy = null,
            };
        }, cancellationToken);
    }

    public async ValueTask<Result<StoredRetainedItem>> GetAsync(TenantId tenant, RetainedItemId id, CancellationToken cancellationToken = default)
    {
        var row = await ReadRowAsync(tenant.Value, id.Value, cancellationToken).ConfigureAwait(false);
        return row is null ? NotFound(tenant, id) : FromRow(row);
    }

    public async IAsyncEnumerable<StoredRetainedItem> ReadAllAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Ids compare ordinally, as the ids themselves do, whatever collation the database was created with.
            var ordinal = IsPostgres(context) ? "C" : "BINARY";
            var rows = context.Set<RetainedItemRow>().AsNoTracking().Where(r => r.Tenant == tenantId && !r.IsDisposed).OrderBy(r => EF.Functions.Collate(r.Id, ordinal));
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return OrThrow(FromRow(row));
            }
        }
    }

    public ValueTask<Result<LegalHold>> AddHoldAsync(LegalHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var (tenant, id) = (hold.Tenant.Value, hold.Id.Value);
        return WriteAsync<LegalHold>($"legal hold {hold.Id}", async (context, ct) =>
        {
            await LockHoldsAsync(context, tenant, shared: false, ct).ConfigureAwait(false);
            var holds = context.Set<LegalHoldRow>();
            if (await holds.AnyAsync(h => h.Tenant == tenant && h.Id == id, ct).ConfigureAwait(false))
            {
                return new ContactKitError(ErrorCodes.VersionConflict, $"Legal hold '{hold.Id}' already exists.", "id");
            }

            var last = await holds.Where(h => h.Tenant == tenant).MaxAsync(h => (long?)h.Position, ct).ConfigureAwait(false) ?? 0;
            context.Add(new LegalHoldRow
            {
                Tenant = tenant,
                Id = id,
                Position = last + 1,
                TargetScope = ScopeName(hold.Target.Scope),
                TargetId = hold.Target.Id,
                Reason = hold.Reason,
                PlacedBy = hold.PlacedBy.Value,
                PlacedAt = Ticks(hold.PlacedAt),
                IsActive = hold.IsActive,
                ReleasedBy = hold.ReleasedBy?.Value,
                ReleasedAt = hold.ReleasedAt is { } released ? Ticks(released) : null,
                Version = 1,
            });
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            if (hold.IsActive)
            {
                await ItemsReached(context, tenant, hold.Target).ExecuteUpdateAsync(s => s.SetProperty(r => r.HoldCount, r => r.HoldCount + 1), ct).ConfigureAwait(false);
            }

            return hold;
        }, cancellationToken);
    }

    public ValueTask<Result<LegalHold>> ReleaseHoldAsync(TenantId tenant, LegalHoldId id, ActorId releasedBy, Instant releasedAt, CancellationToken cancellationToken = default)
    {
        var (tenantId, holdId) = (tenant.Value, id.Value);
        return WriteAsync<LegalHold>($"legal hold {id}", async (context, ct) =>
        {
            await LockHoldsAsync(context, tenantId, shared: false, ct).ConfigureAwait(false);
            var row = await context.Set<LegalHoldRow>().SingleOrDefaultAsync(h => h.Tenant == tenantId && h.Id == holdId, ct).ConfigureAwait(false);
            if (row is null)
            {
                return Errors.NotFound($"legal hold '{id}'", tenant);
            }

            var read = FromRow(row);
            if (read.IsFailure)
            {
                return read;
            }

            if (!row.IsActive)
            {
                return new ContactKitError(RetentionErrorCodes.HoldAlreadyReleased, $"Legal hold '{id}' was already released at {read.Value.ReleasedAt}.", "id");
            }

            row.IsActive = false;
            row.ReleasedBy = releasedBy.Value;
            row.ReleasedAt = Ticks(releasedAt);
            row.Version++;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            await ItemsReached(context, tenantId, read.Value.Target).ExecuteUpdateAsync(s => s.SetProperty(r => r.HoldCount, r => r.HoldCount - 1), ct).ConfigureAwait(false);
            return read.Value with { ReleasedAt = releasedAt, ReleasedBy = releasedBy };
        }, cancellationToken);
    }

    public IAsyncEnumerable<LegalHold> ReadHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Value;
        return ReadHoldsAsync(holds => holds.Where(h => h.Tenant == tenantId), cancellationToken);
    }

    public IAsyncEnumerable<LegalHold> ReadActiveHoldsAsync(TenantId tenant, IReadOnlyCollection<HoldTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return AsyncEnumerable.Empty<LegalHold>();
        }

        return ReadHoldsAsync(context => ActiveHoldRows(context, tenant.Value, targets), cancellationToken);
    }

    public async ValueTask<IHoldWatch> WatchHoldsAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One connection and one prepared statement for all of a batch's checks, rather than a context, a
            // connection and a translated query for each item.
            return await HoldWatch.OpenAsync(context, tenant, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await context.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<IReadOnlyList<StoredRetainedItem>> ClaimDueAsync(TenantId tenant, Instant now, int max, ActorId worker, Duration claimFor, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claimFor, Duration.Zero);
        var rows = await ChangeAsync(
            context => IsPostgres(context) ? RetentionClaimsSql.ClaimPostgres
                : IsSqlite(context) ? RetentionClaimsSql.ClaimSqlite
                : throw new ContactKitException(new ContactKitError(
                    EntityFrameworkCoreErrorCodes.UnsupportedProvider,
                    $"Claiming retained items needs provider SQL, which exists for SQLite and PostgreSQL only; the context uses {context.Database.ProviderName}.",
                    "provider")),
            [tenant.Value, Ticks(now), max, worker.Value, Ticks(now + claimFor)],
            $"claims of tenant {tenant}",
            cancellationToken).ConfigureAwait(false);

        // RETURNING gives no order: the claimed items are handed back in disposal order, then id order.
        var claimed = rows.Select(r => OrThrow(FromRow(r))).ToList();
        claimed.Sort((a, b) =>
        {
            var byTime = a.DisposeAt!.Value.CompareTo(b.DisposeAt!.Value);
            return byTime != 0 ? byTime : a.Id.CompareTo(b.Id);
        });
        return claimed;
    }

    public async ValueTask<Result<StoredRetainedItem>> BeginDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var rows = await ChangeAsync(_ => RetentionClaimsSql.BeginDisposal, [tenant.Value, id.Value, worker.Value, Ticks(startedAt)], $"retained item {id}", cancellationToken).ConfigureAwait(false);
            if (rows.Count == 1)
            {
                return FromRow(rows[0]);
            }

            // Nothing changed: read the row to say why. A row that shows no reason changed since; try again.
            var row = await ReadRowAsync(tenant.Value, id.Value, cancellationToken).ConfigureAwait(false);
            var why = Claimed(row, tenant, id, worker);
            if (why is not null)
            {
                return why;
            }

            if (row!.DestructionStartedAt is not null)
            {
                // Begun under this very claim: a claim always starts with no destruction begun.
                return FromRow(row);
            }

            if (Refusal(row, id, startedAt) is { } refusal)
            {
                return refusal;
            }

            if (attempt >= WriteAttempts)
            {
                return StoreErrors.Contention($"retained item {id}");
            }
        }
    }

    public async ValueTask<IReadOnlyList<Result<StoredRetainedItem>>> BeginDisposalsAsync(TenantId tenant, IReadOnlyList<RetainedItemId> ids, ActorId worker, Instant startedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await ChangeAsync(
            context => (Many(context, RetentionClaimsSql.BeginDisposals), [tenant.Value, IdList(context, ids), worker.Value, Ticks(startedAt)]),
            $"disposals of tenant {tenant}",
            cancellationToken).ConfigureAwait(false);
        var begun = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var results = new Result<StoredRetainedItem>[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            // Left alone by the statement (refused, or begun under this claim before): the one-item call says which.
            results[i] = begun.TryGetValue(ids[i].Value, out var row)
                ? FromRow(row)
                : await BeginDisposalAsync(tenant, ids[i], worker, startedAt, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    public ValueTask<Result<StoredRetainedItem>> BeginErasureAsync(TenantId tenant, RetainedItemId id, IReadOnlyCollection<HoldTarget> alsoHeldBy, ActorId worker, Instant startedAt, Duration claimFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alsoHeldBy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(claimFor, Duration.Zero);
        var (tenantId, itemId) = (tenant.Value, id.Value);
        return WriteAsync<StoredRetainedItem>($"retained item {id}", async (context, ct) =>
        {
            // Shared with saves, exclusive with holds: no hold on an extra target can be placed while this decides.
            await LockHoldsAsync(context, tenantId, shared: true, ct).ConfigureAwait(false);
            var row = IsPostgres(context)
                ? (await context.Set<RetainedItemRow>().FromSqlRaw(RetentionClaimsSql.LockItemPostgres, tenantId, itemId).ToListAsync(ct).ConfigureAwait(false)).SingleOrDefault()
                : await context.Set<RetainedItemRow>().SingleOrDefaultAsync(r => r.Tenant == tenantId && r.Id == itemId, ct).ConfigureAwait(false);
            if (row is null)
            {
                return NotFound(tenant, id);
            }

            if (row.IsDisposed)
            {
                return AlreadyDisposed(id);
            }

            if (row.ClaimedBy == worker.Value && row.DestructionStartedAt is not null)
            {
                // Begun by this worker before: the content may already be gone, so the erasure is only finished now.
                return FromRow(row);
            }

            if (row.ClaimedBy is { } other && other != worker.Value && row.ClaimExpiresAt is { } expires && expires > Ticks(startedAt))
            {
                return new ContactKitError(RetentionErrorCodes.ClaimNotHeld, $"Item '{id}' is claimed by worker '{other}' until {FromTicks(expires)}; erase it once that claim is completed or released.", "worker");
            }

            if (row.HoldCount > 0 || (alsoHeldBy.Count > 0 && await ActiveHoldsOn(context, tenantId, alsoHeldBy).AnyAsync(ct).ConfigureAwait(false)))
            {
                return new ContactKitError(RetentionErrorCodes.ItemHeld, $"Item '{id}' is under legal hold and cannot be erased.", "id");
            }

            row.ClaimedBy = worker.Value;
            row.ClaimExpiresAt = Ticks(startedAt + claimFor);
            row.DestructionStartedAt = Ticks(startedAt);
            row.Version++;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return FromRow(row);
        }, cancellationToken);
    }

    public async ValueTask<Result<StoredRetainedItem>> CompleteDisposalAsync(TenantId tenant, RetainedItemId id, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var rows = await ChangeAsync(_ => RetentionClaimsSql.CompleteDisposal, [tenant.Value, id.Value, worker.Value, Ticks(disposedAt)], $"retained item {id}", cancellationToken).ConfigureAwait(false);
            if (rows.Count == 1)
            {
                return FromRow(rows[0]);
            }

            var row = await ReadRowAsync(tenant.Value, id.Value, cancellationToken).ConfigureAwait(false);
            var why = Claimed(row, tenant, id, worker) ?? (row!.DestructionStartedAt is null ? Refusal(row, id, disposedAt) : null);
            if (why is not null)
            {
                return why;
            }

            if (attempt >= WriteAttempts)
            {
                return StoreErrors.Contention($"retained item {id}");
            }
        }
    }

    public async ValueTask<IReadOnlyList<Result<AuditEntry>>> CompleteDisposalsAsync(TenantId tenant, IReadOnlyList<DisposalCompletion> disposals, ActorId worker, Instant disposedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disposals);
        foreach (var (id, proof) in disposals)
        {
            // Checked before anything changes, so that no item is recorded disposed of with a proof that cannot be kept.
            if (proof.Validate() is { } invalid)
            {
                throw new ContactKitException(invalid);
            }

            if (proof.Tenant != tenant)
            {
                throw new ArgumentException($"The proof of item '{id}' names another tenant.", nameof(disposals));
            }
        }

        if (disposals.Count == 0)
        {
            return [];
        }

        // The items and their proofs in one transaction: an item is recorded disposed of only with its proof.
        var ids = disposals.Select(d => d.Item).ToList();
        var written = await WriteAsync<Dictionary<string, AuditEntry>>($"disposals of tenant {tenant}", async (context, ct) =>
        {
            var rows = await context.Set<RetainedItemRow>()
                .FromSqlRaw(Many(context, RetentionClaimsSql.CompleteDisposals), tenant.Value, IdList(context, ids), worker.Value, Ticks(disposedAt))
                .AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            var done = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var proved = disposals.Where(d => done.Contains(d.Item.Value)).ToList();
            var numbered = await EntityFrameworkCoreAuditTrail<TContext>.InsertAsync(context, tenant, proved.ConvertAll(d => d.Proof), ct).ConfigureAwait(false);
            return proved.Select((d, i) => (d.Item.Value, numbered[i])).ToDictionary(p => p.Value, p => p.Item2, StringComparer.Ordinal);
        }, cancellationToken).ConfigureAwait(false);
        if (written.IsFailure)
        {
            return disposals.Select(_ => (Result<AuditEntry>)written.Error).ToList();
        }

        var results = new Result<AuditEntry>[disposals.Count];
        for (var i = 0; i < disposals.Count; i++)
        {
            var id = disposals[i].Item;
            if (written.Value.TryGetValue(id.Value, out var proof))
            {
                results[i] = proof;
                continue;
            }

            // Left alone by the statement: the row says why; one that shows no reason changed since, and its claim
            // lapses so another run records it.
            var row = await ReadRowAsync(tenant.Value, id.Value, cancellationToken).ConfigureAwait(false);
            results[i] = Claimed(row, tenant, id, worker) ?? (row!.DestructionStartedAt is null ? Refusal(row, id, disposedAt) : null) ?? StoreErrors.Contention($"retained item {id}");
        }

        return results;
    }

    public async ValueTask<Result<StoredRetainedItem>> ReleaseClaimAsync(TenantId tenant, RetainedItemId id, ActorId worker, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var rows = await ChangeAsync(_ => RetentionClaimsSql.ReleaseClaim, [tenant.Value, id.Value, worker.Value], $"retained item {id}", cancellationToken).ConfigureAwait(false);
            if (rows.Count == 1)
            {
                return FromRow(rows[0]);
            }

            var row = await ReadRowAsync(tenant.Value, id.Value, cancellationToken).ConfigureAwait(false);
            if (Claimed(row, tenant, id, worker) is { } why)
            {
                return why;
            }

            if (attempt >= WriteAttempts)
            {
                return StoreErrors.Contention($"retained item {id}");
            }
        }
    }

    internal static Result<StoredRetainedItem> FromRow(RetainedItemRow row)
    {
        var key = $"{row.Tenant}/{row.Id}";
        try
        {
            var triggers = JsonSerializer.Deserialize(row.Triggers, RetentionRowJson.Default.DictionaryStringInt64)
                ?? throw new JsonException("no triggers");
            var item = new RetainedItem
            {
                Tenant = TenantId.Parse(row.Tenant),
                Id = RetainedItemId.Parse(row.Id),
                RecordClass = RecordClass.Parse(row.RecordClass),
                CreatedAt = FromTicks(row.CreatedAt),
                Resource = row.ResourceKind is null ? null : new ResourceRef(row.ResourceKind, row.ResourceId ?? string.Empty),
                Subject = row.Subject is null ? null : DataSubjectId.Parse(row.Subject),
                Interaction = row.Interaction is null ? null : InteractionId.Parse(row.Interaction),
                Case = row.CaseId is null ? null : CaseId.Parse(row.CaseId),
                LastClassChange = row.ClassChangedFrom is null
                    ? null
                    : new RecordClassChange(RecordClass.Parse(row.ClassChangedFrom), FromTicks(row.ClassChangedAt ?? throw new JsonException("no class change instant")), row.ClassChangeReason ?? string.Empty),
                Triggers = triggers.ToImmutableSortedDictionary(t => RetentionTrigger.Parse(t.Key), t => FromTicks(t.Value)),
            };
            return new StoredRetainedItem
            {
                Item = item,
                DisposeAt = row.DisposeAt is { } due ? FromTicks(due) : null,
                Action = row.Action is null ? null : Enum.Parse<DisposalAction>(row.Action, ignoreCase: true),
                RuleName = row.RuleName,
                Version = row.Version,
                ClaimedBy = row.ClaimedBy is null ? null : ActorId.Parse(row.ClaimedBy),
                ClaimExpiresAt = row.ClaimExpiresAt is { } expires ? FromTicks(expires) : null,
                DestructionStartedAt = row.DestructionStartedAt is { } started ? FromTicks(started) : null,
                DisposedAt = row.DisposedAt is { } disposed ? FromTicks(disposed) : null,
                DisposedBy = row.DisposedBy is null ? null : ActorId.Parse(row.DisposedBy),
            };
        }
        catch (JsonException)
        {
            return StoreErrors.CorruptRow(RetainedItemRow.Table, key, "its triggers are not a JSON object of trigger names to instants");
        }
        catch (ContactKitException e)
        {
            return StoreErrors.CorruptRow(RetainedItemRow.Table, key, $"a column holds a value that breaks a rule ({e.Error.Code})");
        }
        catch (ArgumentException)
        {
            return StoreErrors.CorruptRow(RetainedItemRow.Table, key, "a column holds a value out of range");
        }
    }

    internal static Result<LegalHold> FromRow(LegalHoldRow row)
    {
        var key = $"{row.Tenant}/{row.Id}";
        try
        {
            if (!Enum.TryParse<HoldScope>(row.TargetScope, ignoreCase: true, out var scope) || ScopeName(scope) != row.TargetScope)
            {
                return StoreErrors.CorruptRow(LegalHoldRow.Table, key, "its target scope is not item, subject, interaction or case");
            }

            if (row.IsActive == row.ReleasedAt is not null)
            {
                return StoreErrors.CorruptRow(LegalHoldRow.Table, key, "it is marked active and released at once, or neither");
            }

            return new LegalHold
            {
                Id = LegalHoldId.Parse(row.Id),
                Tenant = TenantId.Parse(row.Tenant),
                Target = new HoldTarget(scope, row.TargetId),
                Reason = row.Reason,
                PlacedBy = ActorId.Parse(row.PlacedBy),
                PlacedAt = FromTicks(row.PlacedAt),
                ReleasedBy = row.ReleasedBy is null ? null : ActorId.Parse(row.ReleasedBy),
                ReleasedAt = row.ReleasedAt is { } released ? FromTicks(released) : null,
            };
        }
        catch (ContactKitException e)
        {
            return StoreErrors.CorruptRow(LegalHoldRow.Table, key, $"a column holds a value that breaks a rule ({e.Error.Code})");
        }
        catch (ArgumentException)
        {
            return StoreErrors.CorruptRow(LegalHoldRow.Table, key, "a column holds a value out of range");
        }
    }

    private static void Fill(RetainedItemRow row, StoredRetainedItem stored)
    {
        var item = stored.Item;
        row.RecordClass = item.RecordClass.Value;
        row.CreatedAt = Ticks(item.CreatedAt);
        row.ResourceKind = item.Resource?.Kind;
        row.ResourceId = item.Resource?.Id;
        row.Subject = item.Subject?.Value;
        row.Interaction = item.Interaction?.Value;
        row.CaseId = item.Case?.Value;
        row.ClassChangedFrom = item.LastClassChange?.From.Value;
        row.ClassChangedAt = item.LastClassChange is { } change ? Ticks(change.At) : null;
        row.ClassChangeReason = item.LastClassChange?.Reason;
        row.Triggers = JsonSerializer.Serialize(item.Triggers.ToDictionary(t => t.Key.Value, t => Ticks(t.Value), StringComparer.Ordinal), RetentionRowJson.Default.DictionaryStringInt64);
        row.DisposeAt = stored.DisposeAt is { } due ? Ticks(due) : null;
        row.Action = stored.Action?.ToString().ToLowerInvariant();
        row.RuleName = stored.RuleName;
    }

    private static string ScopeName(HoldScope scope) => scope switch
    {
        HoldScope.Item => ItemScope,
        HoldScope.Subject => SubjectScope,
        HoldScope.Interaction => InteractionScope,
        HoldScope.Case => CaseScope,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown hold scope."),
    };

    private static StoredRetainedItem OrThrow(Result<StoredRetainedItem> read) => read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);

    private static ContactKitError NotFound(TenantId tenant, RetainedItemId id) => Errors.NotFound($"retained item '{id}'", tenant);

    private static ContactKitError AlreadyDisposed(RetainedItemId id) =>
        new(RetentionErrorCodes.AlreadyDisposed, $"Item '{id}' has already been disposed of.", "id");

    /// <summary>Why <paramref name="worker"/> may not act on the item under a claim: it is missing, disposed of, or claimed by another.</summary>
    private static ContactKitError? Claimed(RetainedItemRow? row, TenantId tenant, RetainedItemId id, ActorId worker)
    {
        if (row is null)
        {
            return NotFound(tenant, id);
        }

        if (row.IsDisposed)
        {
            return AlreadyDisposed(id);
        }

        return row.ClaimedBy == worker.Value
            ? null
            : new ContactKitError(RetentionErrorCodes.ClaimNotHeld, $"Worker '{worker}' does not hold the claim on item '{id}' (held by '{row.ClaimedBy ?? "nobody"}').", "worker");
    }

    /// <summary>Why an item may not be destroyed at <paramref name="at"/>: a hold covers it, or its stored instant has not come.</summary>
    private static ContactKitError? Refusal(RetainedItemRow row, RetainedItemId id, Instant at)
    {
        if (row.HoldCount > 0)
        {
            return new(RetentionErrorCodes.ItemHeld, $"Item '{id}' is under legal hold and cannot be disposed of.", "id");
        }

        return row.DisposeAt is { } due && due <= Ticks(at)
            ? null
            : new(
                RetentionErrorCodes.NotDue,
                $"Item '{id}' is not due at {at}: its stored disposal instant is {(row.DisposeAt is { } later ? FromTicks(later).ToString() : "not yet known")}, planned again after it was claimed. Release the claim; it is taken again when due.",
                "id");
    }

    /// <summary>
    /// Orders holds and the saves of one tenant's items against each other until the transaction ends: placing or
    /// releasing a hold takes the tenant's lock alone, saves share it. On SQLite the single writer already does it.
    /// </summary>
    private static async Task LockHoldsAsync(DbContext context, string tenant, bool shared, CancellationToken cancellationToken)
    {
        if (!IsPostgres(context))
        {
            return;
        }

        var key = "contactkit.retention.holds:" + tenant;
        if (shared)
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtextextended({key}, 0))", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await LockAsync(context, key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The items a hold on <paramref name="target"/> reaches, disposed of or not, so that every row's count stays exact.</summary>
    private static IQueryable<RetainedItemRow> ItemsReached(DbContext context, string tenant, HoldTarget target)
    {
        var items = context.Set<RetainedItemRow>().Where(r => r.Tenant == tenant);
        var id = target.Id;
        return target.Scope switch
        {
            HoldScope.Item => items.Where(r => r.Id == id),
            HoldScope.Subject => items.Where(r => r.Subject == id),
            HoldScope.Interaction => items.Where(r => r.Interaction == id),
            HoldScope.Case => items.Where(r => r.CaseId == id),
            _ => items.Where(r => false),
        };
    }

    // The active hold rows on the targets: the compiled query when they name one id per scope, as an item's own do.
    private static IAsyncEnumerable<LegalHoldRow> ActiveHoldRows(TContext context, string tenant, IReadOnlyCollection<HoldTarget> targets) =>
        OnePerScope(targets) is { } one
            ? CompiledReads.Of(context).ActiveHoldsOnOneEach(context, tenant, one.Item, one.Subject, one.Interaction, one.Case)
            : ActiveHoldsOn(context.Set<LegalHoldRow>().AsNoTracking(), tenant, targets).OrderBy(h => h.Position).AsAsyncEnumerable();

    private static IQueryable<LegalHoldRow> ActiveHoldsOn(DbContext context, string tenant, IEnumerable<HoldTarget> targets) =>
        ActiveHoldsOn(context.Set<LegalHoldRow>(), tenant, targets);

    /// <summary>The active holds on any of <paramref name="targets"/>: a seek of the target index per scope.</summary>
    private static IQueryable<LegalHoldRow> ActiveHoldsOn(IQueryable<LegalHoldRow> holds, string tenant, IEnumerable<HoldTarget> targets)
    {
        var byScope = targets.Distinct().ToLookup(t => t.Scope, t => t.Id);
        var (items, subjects, interactions, cases) = (byScope[HoldScope.Item].ToList(), byScope[HoldScope.Subject].ToList(), byScope[HoldScope.Interaction].ToList(), byScope[HoldScope.Case].ToList());
        return holds.Where(h => h.Tenant == tenant && h.IsActive && (
            (h.TargetScope == ItemScope && items.Contains(h.TargetId)) ||
            (h.TargetScope == SubjectScope && subjects.Contains(h.TargetId)) ||
            (h.TargetScope == InteractionScope && interactions.Contains(h.TargetId)) ||
            (h.TargetScope == CaseScope && cases.Contains(h.TargetId))));
    }

    /// <summary>
    /// The targets as one id per scope, or <see langword="null"/> when a scope has several: an item's own targets always
    /// fit, and are read by <see cref="CompiledReads.ActiveHoldsOnOneEach"/>, a compiled query.
    /// </summary>
    private static (string? Item, string? Subject, string? Interaction, string? Case)? OnePerScope(IReadOnlyCollection<HoldTarget> targets)
    {
        string? item = null, subject = null, interaction = null, @case = null;
        foreach (var target in targets)
        {
            ref var slot = ref item;
            switch (target.Scope)
            {
                case HoldScope.Item: slot = ref item; break;
                case HoldScope.Subject: slot = ref subject; break;
                case HoldScope.Interaction: slot = ref interaction; break;
                case HoldScope.Case: slot = ref @case; break;
                default: return null;
            }

            if (slot is not null && slot != target.Id)
            {
                return null;
            }

            slot = target.Id;
        }

        return (item, subject, interaction, @case);
    }

    /// <summary>
    /// A watch on one tenant's holds: its context, its open connection and its prepared check are kept until disposed,
    /// so each check is one execution of a statement prepared once.
    /// </summary>
    private sealed class HoldWatch : IHoldWatch
    {
        private readonly TContext _context;
        private readonly TenantId _tenant;
        private readonly System.Data.Common.DbCommand _check;

        private HoldWatch(TContext context, TenantId tenant, System.Data.Common.DbCommand check) => (_context, _tenant, _check) = (context, tenant, check);

        public static async Task<HoldWatch> OpenAsync(TContext context, TenantId tenant, CancellationToken cancellationToken)
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var check = CommandOn(context);
            check.CommandText = RetentionClaimsSql.AnyActiveHold;
            foreach (var name in (string[])["@tenant", "@item", "@subject", "@interaction", "@case"])
            {
                var parameter = AddParameter(check, name, null);
                parameter.DbType = System.Data.DbType.String;
                parameter.Size = Identifier.MaxLength;
            }

            check.Parameters[0].Value = tenant.Value;
            await check.PrepareAsync(cancellationToken).ConfigureAwait(false);
            return new HoldWatch(context, tenant, check);
        }

        public async ValueTask<bool> IsHeldAsync(RetainedItem item, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (item.Tenant != _tenant)
            {
                throw new ArgumentException($"Item '{item.Id}' belongs to another tenant than the watch.", nameof(item));
            }

            _check.Parameters[1].Value = item.Id.Value;
            _check.Parameters[2].Value = (object?)item.Subject?.Value ?? DBNull.Value;
            _check.Parameters[3].Value = (object?)item.Interaction?.Value ?? DBNull.Value;
            _check.Parameters[4].Value = (object?)item.Case?.Value ?? DBNull.Value;
            return await _check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
        }

        public async ValueTask DisposeAsync()
        {
            await _check.DisposeAsync().ConfigureAwait(false);
            await _context.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IAsyncEnumerable<LegalHold> ReadHoldsAsync(Func<IQueryable<LegalHoldRow>, IQueryable<LegalHoldRow>> filter, CancellationToken cancellationToken) =>
        ReadHoldsAsync(context => filter(context.Set<LegalHoldRow>().AsNoTracking()).OrderBy(h => h.Position).AsAsyncEnumerable(), cancellationToken);

    private async IAsyncEnumerable<LegalHold> ReadHoldsAsync(Func<TContext, IAsyncEnumerable<LegalHoldRow>> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await foreach (var row in query(context).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }

    private async Task<RetainedItemRow?> ReadRowAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await CompiledReads.Of(context).RowById(context, tenant, id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one conditional statement of <see cref="RetentionClaimsSql"/> and returns the rows it changed. The statement
    /// is atomic on its own; on SQLite it runs as the one writer, queued behind the others of this process.
    /// </summary>
    private Task<List<RetainedItemRow>> ChangeAsync(Func<DbContext, string> sql, object[] parameters, string what, CancellationToken cancellationToken) =>
        ChangeAsync(context => (sql(context), parameters), what, cancellationToken);

    private async Task<List<RetainedItemRow>> ChangeAsync(Func<DbContext, (string Sql, object[] Parameters)> command, string what, CancellationToken cancellationToken)
    {
        var rows = await AsWriterAsync(
            what,
            async (context, token) =>
            {
                var (sql, parameters) = command(context);
                return Result<List<RetainedItemRow>>.Success(
                    await context.Set<RetainedItemRow>().FromSqlRaw(sql, parameters).AsNoTracking().ToListAsync(token).ConfigureAwait(false));
            },
            cancellationToken).ConfigureAwait(false);
        return rows.IsSuccess ? rows.Value : throw StoreErrors.Throw(rows.Error);
    }

    // A batch statement of RetentionClaimsSql with its id list written the provider's way.
    private static string Many(DbContext context, string sql) =>
        sql.Replace("@ids", IsPostgres(context) ? RetentionClaimsSql.ManyPostgres : RetentionClaimsSql.ManySqlite, StringComparison.Ordinal);

    private static object IdList(DbContext context, IReadOnlyList<RetainedItemId> ids)
    {
        var values = new string[ids.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ids[i].Value;
        }

        return IsPostgres(context) ? values : JsonSerializer.Serialize(values, RetentionRowJson.Default.StringArray);
    }

    /// <summary>
    /// The compiled reads of one model: an item row by its key, and the active holds on an item's own targets (at most
    /// one id per scope; a missing one matches nothing).
    /// </summary>
    private sealed class CompiledReads
    {
        public readonly Func<TContext, string, string, CancellationToken, Task<RetainedItemRow?>> RowById =
            EF.CompileAsyncQuery((TContext context, string tenant, string id, CancellationToken _) =>
                context.Set<RetainedItemRow>().AsNoTracking().SingleOrDefault(r => r.Tenant == tenant && r.Id == id));

        public readonly Func<TContext, string, string?, string?, string?, string?, IAsyncEnumerable<LegalHoldRow>> ActiveHoldsOnOneEach =
            EF.CompileAsyncQuery<TContext, string, string?, string?, string?, string?, LegalHoldRow>((context, tenant, item, subject, interaction, @case) =>
                context.Set<LegalHoldRow>().AsNoTracking()
                    .Where(h => h.Tenant == tenant && h.IsActive && (
                        (h.TargetScope == ItemScope && h.TargetId == item) ||
                        (h.TargetScope == SubjectScope && h.TargetId == subject) ||
                        (h.TargetScope == InteractionScope && h.TargetId == interaction) ||
                        (h.TargetScope == CaseScope && h.TargetId == @case)))
                    .OrderBy(h => h.Position));

        public static CompiledReads Of(TContext context) => Compiled.GetValue(context.Model, static _ => new CompiledReads());
    }
}

/// <summary>The JSON of the retention rows' trigger column.</summary>
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class RetentionRowJson : JsonSerializerContext;
