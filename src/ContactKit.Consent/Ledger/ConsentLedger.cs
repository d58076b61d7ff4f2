using System.Collections.Immutable;
using System.Globalization;
using ContactKit;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// Records consent choices in the <see cref="IConsentStore"/>, writes each to the audit trail, and answers what a subject's
/// consent for a purpose is now. Withdrawing takes one call, as giving does, and takes effect at once.
/// </summary>
/// <param name="store">The ledger.</param>
/// <param name="audit">The audit trail.</param>
/// <param name="clock">The clock.</param>
public sealed class ConsentLedger(IConsentStore store, IAuditTrail audit, IClock clock)
{
    /// <summary>
    /// Validates a record, appends it to the ledger and audits it. Recording the same record again returns the stored copy
    /// and audits nothing: however many times and from however many threads one record is replayed, it is stored once and
    /// audited once.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="actor">Who recorded it (the subject, an agent, or the system).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record, or the refusal.</returns>
    public async ValueTask<Result<ConsentRecord>> RecordAsync(ConsentRecord record, ActorId actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Validate() is { } invalid)
        {
            return invalid;
        }

        // The store decides, atomically, whether this append added the record; only the append that did is audited.
        var appended = await store.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        if (appended.IsFailure)
        {
            return appended.Error;
        }

        var (stored, isNew) = appended.Value;
        if (isNew)
        {
            await audit.AppendAsync(new AuditEntry
            {
                Tenant = record.Tenant,
                OccurredAt = clock.GetCurrentInstant(),
                Actor = actor,
                Action = $"consent.{record.Status.ToString().ToLowerInvariant()}",
                Resource = ResourceRef.ConsentRecord(record.Id),
                Subject = record.Subject,
                Details = new Dictionary<string, string>
                {
                    ["purposes"] = string.Join(",", record.Purposes),
                    ["method"] = record.Method.ToString(),
                    ["channel"] = record.Channel.ToString(),
                    ["notice"] = record.Notice?.VersionId ?? string.Empty,
                    ["notice_hash"] = record.Notice?.ContentHash ?? string.Empty,
                    ["sequence"] = stored.Sequence.ToString(CultureInfo.InvariantCulture),
                },
            }, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Withdraws a subject's consent for a purpose, now, by the route they used.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="channel">The channel the withdrawal came by.</param>
    /// <param name="method">How it was expressed.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The withdrawal record, or an error with code <see cref="ConsentErrorCodes.NothingToWithdraw"/> when no consent is given.</returns>
    public async ValueTask<Result<ConsentRecord>> WithdrawAsync(TenantId tenant, DataSubjectId subject, Purpose purpose, Channel channel, ConsentMethod method, ActorId actor, CancellationToken cancellationToken = default)
    {
        var state = await GetStateAsync(tenant, subject, purpose, null, cancellationToken).ConfigureAwait(false);
        if (!state.IsGiven || state.LastRecord is not { } given)
        {
            return new ContactKitError(ConsentErrorCodes.NothingToWithdraw, $"Subject {Errors.Excerpt(subject.Value)} has no consent in effect for '{purpose}' (it is {state.Status}); nothing was recorded.", "purpose");
        }

        return await RecordAsync(Withdrawal(given, purpose, channel, method, clock.GetCurrentInstant()), actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The current state of a subject's consent for a purpose (and, when given, a data category), from the store's index of
    /// the latest record: one lookup, whatever the size of the ledger.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="category">When given, only records covering this data category count (for app permissions).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The state; <see cref="ConsentStatus.Unknown"/> when nothing is recorded.</returns>
    public async ValueTask<ConsentState> GetStateAsync(TenantId tenant, DataSubjectId subject, Purpose purpose, DataCategoryKey? category = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var latest = await store.GetLatestAsync(tenant, subject, purpose, category, cancellationToken).ConfigureAwait(false);
        if (!latest.TryGetValue(out var record))
        {
            return new ConsentState(subject, purpose, ConsentStatus.Unknown, null);
        }

        if (record.RecordedAt <= now)
        {
            return ConsentStates.Derive([record], subject, purpose, now, category);
        }

        // The latest record is dated after now (a clock ahead of ours): the state is what the records dated by now say.
        var records = await ReadAsync(tenant, subject, cancellationToken).ConfigureAwait(false);
        return ConsentStates.Derive(records, subject, purpose, now, category);
    }

    /// <summary>Reads a subject's records in ledger order.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    public async ValueTask<IReadOnlyList<ConsentRecord>> ReadAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default)
    {
        var records = ImmutableArray.CreateBuilder<ConsentRecord>();
        await foreach (var record in store.ReadBySubjectAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records.ToImmutable();
    }

    /// <summary>Builds the record that withdraws <paramref name="given"/> for <paramref name="purpose"/>.</summary>
    /// <param name="given">The record that gave the consent.</param>
    /// <param name="purpose">The purpose withdrawn.</param>
    /// <param name="channel">The channel of the withdrawal.</param>
    /// <param name="method">How it was expressed.</param>
    /// <param name="at">When.</param>
    /// <returns>The withdrawal record.</returns>
    public static ConsentRecord Withdrawal(ConsentRecord given, Purpose purpose, Channel channel, ConsentMethod method, Instant at)
    {
        ArgumentNullException.ThrowIfNull(given);
        return given with
        {
            Id = ConsentRecordId.New(),
            Purposes = [purpose],
            Channel = channel,
            Status = ConsentStatus.Withdrawn,
            Method = method,
            Evidence = null,
            RecordedAt = at,
            ExpiresAt = null,
            AttestedBy = null,
            Sequence = 0,
        };
    }
}
