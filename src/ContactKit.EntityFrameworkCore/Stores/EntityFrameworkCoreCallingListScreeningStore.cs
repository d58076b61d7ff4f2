using System.Runtime.CompilerServices;
using ContactKit.Consent;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// The screenings of the host's calling lists in <c>contactkit_telephone_screenings</c>: one row per tenant, list and
/// number, holding its latest screening. A screening dated on or after the stored one replaces it; an earlier one changes
/// nothing, so writers arriving in any order leave the latest. What goes stale is counted on the index over the date.
/// </summary>
/// <typeparam name="TContext">The context holding ContactKit's tables.</typeparam>
internal sealed class EntityFrameworkCoreCallingListScreeningStore<TContext>(IDbContextFactory<TContext> contexts) : StoreBase<TContext>(contexts), ICallingListScreeningStore
    where TContext : DbContext
{
    // How many numbers one query looks up at a time.
    private const int Chunk = 500;

    private static readonly TelephonePreferenceRegisters KnownRegisters = TelephonePreferenceRegisters.Tps | TelephonePreferenceRegisters.Ctps;

    public ValueTask<Result<int>> RecordAsync(TenantId tenant, string list, IReadOnlyCollection<TelephoneScreening> screenings, CancellationToken cancellationToken = default)
    {
        if (TelephoneScreening.ValidateBatch(list, screenings) is { } invalid)
        {
            return ValueTask.FromResult<Result<int>>(invalid);
        }

        // A number given twice keeps its later screening; on the same date the one given last.
        var latest = new Dictionary<long, TelephoneScreening>();
        foreach (var screening in screenings)
        {
            var number = (long)screening.Number.Digits;
            if (!latest.TryGetValue(number, out var earlier) || earlier.ScreenedOn <= screening.ScreenedOn)
            {
                latest[number] = screening;
            }
        }

        if (latest.Count == 0)
        {
            return ValueTask.FromResult(Result<int>.Success(0));
        }

        var tenantId = tenant.Value;
        return WriteAsync<int>("screenings of this calling list", async (context, ct) =>
        {
            await LockAsync(context, $"contactkit.screenings:{tenantId}/{list}", ct).ConfigureAwait(false);
            foreach (var numbers in latest.Keys.Chunk(Chunk))
            {
                var stored = await context.Set<TelephoneScreeningRow>()
                    .Where(r => r.Tenant == tenantId && r.List == list && numbers.Contains(r.Number))
                    .ToDictionaryAsync(r => r.Number, ct).ConfigureAwait(false);
                foreach (var number in numbers)
                {
                    var screening = latest[number];
                    var day = DayOf(screening.ScreenedOn);
                    if (stored.TryGetValue(number, out var row))
                    {
                        if (row.ScreenedOn <= day && (row.ScreenedOn, row.Registers) != (day, (int)screening.Registers))
                        {
                            (row.ScreenedOn, row.Registers, row.Version) = (day, (int)screening.Registers, row.Version + 1);
                        }
                    }
                    else
                    {
                        context.Add(new TelephoneScreeningRow { Tenant = tenantId, List = list, Number = number, Registers = (int)screening.Registers, ScreenedOn = day, Version = 1 });
                    }
                }

                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                context.ChangeTracker.Clear();
            }

            return screenings.Count;
        }, cancellationToken);
    }

    public async ValueTask<Result<TelephoneScreening>> GetAsync(TenantId tenant, string list, TelephoneNumber number, CancellationToken cancellationToken = default)
    {
        var (tenantId, digits) = (tenant.Value, (long)number.Digits);
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<TelephoneScreeningRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.Tenant == tenantId && r.List == list && r.Number == digits, cancellationToken).ConfigureAwait(false);
            return row is null ? Errors.NotFound("screening of this number on this calling list", tenant) : FromRow(row);
        }
    }

    public async IAsyncEnumerable<TelephoneScreening> ReadAsync(TenantId tenant, string list, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = context.Set<TelephoneScreeningRow>().AsNoTracking().Where(r => r.Tenant == tenantId && r.List == list).OrderBy(r => r.Number);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var read = FromRow(row);
                yield return read.IsSuccess ? read.Value : throw new ContactKitException(read.Error);
            }
        }
    }

    public async IAsyncEnumerable<string> ReadListsAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Value;
        List<string> lists;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            lists = await context.Set<TelephoneScreeningRow>().Where(r => r.Tenant == tenantId).Select(r => r.List).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        // Ordered here rather than by the database, whose text collation need not be ordinal.
        foreach (var list in lists.Order(StringComparer.Ordinal))
        {
            yield return list;
        }
    }

    public async ValueTask<ScreeningsGoingStale> GoingStaleAsync(TenantId tenant, string list, LocalDate today, int withinDays, int validityDays, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        ArgumentOutOfRangeException.ThrowIfNegative(validityDays);

        // Valid today when screened on or after today - validity; stale by the window's end when screened before
        // today + within - validity. A screening on day d is stale from d + validity + 1.
        var (from, to) = (DayOf(today.PlusDays(-validityDays)), DayOf(today.PlusDays(withinDays - validityDays - 1)));
        if (to < from)
        {
            return new ScreeningsGoingStale(0, null);
        }

        var tenantId = tenant.Value;
        var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var due = context.Set<TelephoneScreeningRow>().Where(r => r.Tenant == tenantId && r.List == list && r.ScreenedOn >= from && r.ScreenedOn <= to);
            var count = await due.CountAsync(cancellationToken).ConfigureAwait(false);
            var first = count == 0 ? null : await due.MinAsync(r => (int?)r.ScreenedOn, cancellationToken).ConfigureAwait(false);
            return new ScreeningsGoingStale(count, first is { } day ? DateOf(day).PlusDays(validityDays + 1) : null);
        }
    }

    public async ValueTask<bool> WithdrawAsync(TenantId tenant, string list, CancellationToken cancellationToken = default)
    {
        var tenantId = tenant.Value;
        var removed = await AsWriterAsync<int>("screenings of this calling list", async (context, ct) =>
            await context.Set<TelephoneScreeningRow>().Where(r => r.Tenant == tenantId && r.List == list).ExecuteDeleteAsync(ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return removed.IsSuccess ? removed.Value > 0 : throw new ContactKitException(removed.Error);
    }

    internal static Result<TelephoneScreening> FromRow(TelephoneScreeningRow row)
    {
        var registers = (TelephonePreferenceRegisters)row.Registers;
        var valid = row.Number is >= 1_000_000 and <= 999_999_999_999_999 && (registers & ~KnownRegisters) == 0
            && row.ScreenedOn >= DateOnly.MinValue.DayNumber && row.ScreenedOn <= DateOnly.MaxValue.DayNumber;
        if (!valid)
        {
            // The row is named by its list and its masked number where the number itself is sound.
            var number = row.Number is >= 1_000_000 and <= 999_999_999_999_999 ? TelephoneNumber.FromDigits((ulong)row.Number).Masked : "(unreadable number)";
            return StoreErrors.CorruptRow(TelephoneScreeningRow.Table, $"{row.Tenant}/{row.List}/{number}", "its number, registers or date is out of range");
        }

        return new TelephoneScreening(TelephoneNumber.FromDigits((ulong)row.Number), registers, DateOf(row.ScreenedOn));
    }

    private static int DayOf(LocalDate date) => date.ToDateOnly().DayNumber;

    private static LocalDate DateOf(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));
}
