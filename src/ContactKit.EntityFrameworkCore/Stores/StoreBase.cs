using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace ContactKit.EntityFrameworkCore;

/// <summary>
/// What every store shares: a context per operation from the host's factory, writes in one transaction each (on SQLite
/// <c>BEGIN IMMEDIATE</c>, so writers queue behind the one writer), retried when another writer got there first.
/// </summary>
/// <typeparam name="TContext">The host's context, holding ContactKit's tables.</typeparam>
internal abstract class StoreBase<TContext>(IDbContextFactory<TContext> contexts)
    where TContext : DbContext
{
    /// <summary>How many times a write that collided with another writer is tried again.</summary>
    internal const int WriteAttempts = 60;

    // SQLite has one writer per database: writers in this process queue here rather than spin on the file lock.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    protected IDbContextFactory<TContext> Contexts { get; } = contexts;

    internal static bool IsSqlite(DbContext context) => context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    internal static bool IsPostgres(DbContext context) => context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Serialises the writers of one logical record (a tenant's audit trail, one recording session) until the transaction
    /// ends: a PostgreSQL transaction-scoped advisory lock; on SQLite the single writer already does it.
    /// </summary>
    protected static async Task LockAsync(DbContext context, string key, CancellationToken cancellationToken)
    {
        if (IsPostgres(context))
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A command on the context's own connection, in its current transaction if it has one: for the few statements run
    /// often enough that EF Core's raw SQL, which takes the parameters apart again on every call, would cost too much.
    /// </summary>
    internal static DbCommand CommandOn(DbContext context)
    {
        var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Adds a parameter named <paramref name="name"/> to <paramref name="command"/>; a null value is sent as SQL NULL.</summary>
    internal static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The gate that SQLite writers of this process queue at, one per database.</summary>
    protected static SemaphoreSlim SqliteWriter(DbContext context) =>
        SqliteWriters.GetOrAdd(context.Database.GetConnectionString() ?? string.Empty, static _ => new SemaphoreSlim(1, 1));

    protected static long Ticks(Instant at) => at.ToUnixTimeTicks();

    protected static Instant FromTicks(long ticks) => Instant.FromUnixTimeTicks(ticks);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own, committing when it succeeds and rolling back when it
    /// returns an error. A write that collides with another (a key taken, a concurrency token changed, a serialization
    /// failure) is run again from the start on a fresh context.
    /// </summary>
    protected ValueTask<Result<T>> WriteAsync<T>(string what, Func<TContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken) =>
        AsWriterAsync(
            what,
            async (context, token) =>
            {
                var transaction = await context.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(context, token).ConfigureAwait(false);
                    if (result.IsSuccess)
                    {
                        await transaction.CommitAsync(token).ConfigureAwait(false);
                    }
                    else
                    {
                        await transaction.RollbackAsync(token).ConfigureAwait(false);
                    }

                    return result;
                }
            },
            cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on a fresh context as a writer: on SQLite as this process's one writer of the
    /// database, queued behind the others. When it collides with another writer it is run again from the start, after a
    /// short random pause, and given up with <see cref="StoreErrors.Contention"/> after <see cref="WriteAttempts"/>.
    /// </summary>
    protected async ValueTask<Result<T>> AsWriterAsync<T>(string what, Func<TContext, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var context = await Contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                var gate = IsSqlite(context) ? SqliteWriter(context) : null;
                if (gate is not null)
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    return await work(context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (IsCollision(e) && attempt < WriteAttempts)
                {
                    // Another writer got there first: start again from a fresh read.
                }
                catch (Exception e) when (IsCollision(e))
                {
                    return StoreErrors.Contention(what);
                }
                finally
                {
                    gate?.Release();
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 + Math.Min(attempt, 20))), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether an exception means another writer changed the same rows at the same time.</summary>
    internal static bool IsCollision(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsUniqueOrSerialization(inner),
        InvalidOperationException { InnerException: { } inner } => IsUniqueOrSerialization(inner),
        _ => IsUniqueOrSerialization(e),
    };

    // Provider exceptions are recognised by their codes, without referencing the providers: SQLite's constraint (19) and
    // busy (5) errors, PostgreSQL's unique violation (23505), serialization failure (40001) and deadlock (40P01).
    private static bool IsUniqueOrSerialization(Exception e)
    {
        if (e is System.Data.Common.DbException db)
        {
            if (db.SqlState is "23505" or "40001" or "40P01")
            {
                return true;
            }

            if (db.GetType().Name == "SqliteException" && (db.ErrorCode is 19 or 5 || db.Message.Contains("UNIQUE", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a row's JSON, turning any failure into a coded error naming the row.</summary>
    protected static Result<T> ReadJson<T>(string table, string key, int version, int known, string json, Func<string, T?> read)
        where T : class
    {
        if (version < 1 || version > known)
        {
            return StoreErrors.UnknownRowVersion(table, key, version, known);
        }

        try
        {
            return read(json) is { } value ? Result<T>.Success(value) : StoreErrors.CorruptRow(table, key, "its JSON holds no value");
        }
        catch (JsonException)
        {
            return StoreErrors.CorruptRow(table, key, "its JSON is damaged or not in the published contract");
        }
        catch (ContactKitException e)
        {
            return StoreErrors.CorruptRow(table, key, $"its JSON holds a value that breaks a rule ({e.Error.Code})");
        }
        catch (ArgumentException)
        {
            return StoreErrors.CorruptRow(table, key, "its JSON holds a value that breaks a rule");
        }
    }
}
