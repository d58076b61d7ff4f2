using System.Runtime.CompilerServices;
using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="ICallingListScreeningStore"/> held in memory, for tests and samples. Thread-safe; passes
/// <c>ContactKit.Testing.Conformance.CallingListScreeningStoreContractTests</c>. Each list keeps its screenings by number
/// and, beside them, the numbers by screening date, so that what goes stale is found without reading the whole list.
/// </summary>
public sealed class InMemoryCallingListScreeningStore : ICallingListScreeningStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId Tenant, string List), Screenings> _lists = [];

    /// <inheritdoc />
    public ValueTask<Result<int>> RecordAsync(TenantId tenant, string list, IReadOnlyCollection<TelephoneScreening> screenings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(screenings);
        cancellationToken.ThrowIfCancellationRequested();
        if (TelephoneScreening.ValidateBatch(list, screenings) is { } invalid)
        {
            return ValueTask.FromResult<Result<int>>(invalid);
        }

        lock (_gate)
        {
            if (screenings.Count > 0 && !_lists.ContainsKey((tenant, list)))
            {
                _lists.Add((tenant, list), new Screenings());
            }

            foreach (var screening in screenings)
            {
                _lists[(tenant, list)].Record(screening);
            }
        }

        return ValueTask.FromResult(Result<int>.Success(screenings.Count));
    }

    /// <inheritdoc />
    public ValueTask<Result<TelephoneScreening>> GetAsync(TenantId tenant, string list, TelephoneNumber number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TelephoneScreening? found = null;
        lock (_gate)
        {
            if (_lists.TryGetValue((tenant, list), out var screenings))
            {
                found = screenings.ByNumber.GetValueOrDefault(number.Digits);
            }
        }

        return ValueTask.FromResult(found is null
            ? Result<TelephoneScreening>.Failure(Errors.NotFound("screening of this number on this calling list", tenant))
            : Result<TelephoneScreening>.Success(found));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TelephoneScreening> ReadAsync(TenantId tenant, string list, CancellationToken cancellationToken = default)
    {
        TelephoneScreening[] snapshot;
        lock (_gate)
        {
            snapshot = _lists.TryGetValue((tenant, list), out var screenings) ? [.. screenings.ByNumber.Values.OrderBy(s => s.Number.Digits)] : [];
        }

        return Enumerate(snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<string> ReadListsAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        string[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _lists.Keys.Where(k => k.Tenant == tenant).Select(k => k.List).Order(StringComparer.Ordinal)];
        }

        return Enumerate(snapshot, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ScreeningsGoingStale> GoingStaleAsync(TenantId tenant, string list, LocalDate today, int withinDays, int validityDays, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        ArgumentOutOfRangeException.ThrowIfNegative(validityDays);
        cancellationToken.ThrowIfCancellationRequested();

        // Valid today when screened on or after today - validity; stale by the window's end when screened before
        // today + within - validity. A screening on day d is stale from d + validity + 1.
        var from = today.PlusDays(-validityDays);
        var to = today.PlusDays(withinDays - validityDays - 1);
        var count = 0;
        LocalDate? first = null;
        lock (_gate)
        {
            if (_lists.TryGetValue((tenant, list), out var screenings))
            {
                if (to >= from)
                {
                    var due = screenings.ByDate.GetViewBetween((from, ulong.MinValue), (to, ulong.MaxValue));
                    count = due.Count;
                    first = count == 0 ? null : due.Min.Day.PlusDays(validityDays + 1);
                }
            }
        }

        return ValueTask.FromResult(new ScreeningsGoingStale(count, first));
    }

    /// <inheritdoc />
    public ValueTask<bool> WithdrawAsync(TenantId tenant, string list, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_lists.Remove((tenant, list)));
        }
    }

    private static async IAsyncEnumerable<T> Enumerate<T>(T[] snapshot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private sealed class Screenings
    {
        public Dictionary<ulong, TelephoneScreening> ByNumber { get; } = [];

        // Every screening as (date, number), so that a range of dates is one ordered view.
        public SortedSet<(LocalDate Day, ulong Digits)> ByDate { get; } = [];

        public void Record(TelephoneScreening screening)
        {
            var digits = screening.Number.Digits;
            if (ByNumber.TryGetValue(digits, out var stored))
            {
                if (stored.ScreenedOn > screening.ScreenedOn)
                {
                    return;
                }

                ByDate.Remove((stored.ScreenedOn, digits));
            }

            ByNumber[digits] = screening;
            ByDate.Add((screening.ScreenedOn, digits));
        }
    }
}
