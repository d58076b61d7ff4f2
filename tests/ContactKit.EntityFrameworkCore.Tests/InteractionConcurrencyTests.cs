using ContactKit.Interactions;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// Concurrent writers of the interaction layer's records on a real database: of several saves based on one version,
/// exactly one wins and every other is told the version moved; concurrent additions all land, in one order.
/// </summary>
public abstract class InteractionConcurrencyTests
{
    private const int Writers = 6;
    private static readonly TenantId Tenant = TenantId.Parse("tenant-a");
    private static readonly InteractionId Interaction = InteractionId.Parse("int-1");
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 0);

    protected abstract TestDatabase Database { get; }

    [SkippableFact]
    public async Task InteractionSaveAsync_WritersOfOneVersion_ExactlyOneWins()
    {
        var store = Database.Fresh<IInteractionStore>();
        var read = (await store.SaveAsync(new InteractionRecord { Tenant = Tenant, Id = Interaction, Channel = Channel.VoiceCall, StartedAt = At })).Value;

        var saves = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
            await store.SaveAsync(read with { Case = CaseId.Parse($"case-{i}") }))));

        var won = Assert.Single(saves, s => s.IsSuccess);
        Assert.All(saves.Where(s => s.IsFailure), s => Assert.Equal(ErrorCodes.VersionConflict, s.Error?.Code));
        Assert.Equal(won.Value, (await store.GetAsync(Tenant, Interaction)).Value);
    }

    [SkippableFact]
    public async Task ArtefactSaveAsync_WritersOfOneVersion_ExactlyOneWins()
    {
        var store = Database.Fresh<IArtefactStore>();
        var read = (await store.SaveAsync(Artefact("rec-1.audio"))).Value;

        var saves = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
            await store.SaveAsync(read with { Location = $"media://{i}" }))));

        var won = Assert.Single(saves, s => s.IsSuccess);
        Assert.All(saves.Where(s => s.IsFailure), s => Assert.Equal(ErrorCodes.VersionConflict, s.Error?.Code));
        Assert.Equal(won.Value, (await store.GetAsync(Tenant, read.RetainedItem)).Value);
    }

    [SkippableFact]
    public async Task ArtefactSaveAsync_ConcurrentNewArtefactsOfOneInteraction_AllListedOnce()
    {
        var store = Database.Fresh<IArtefactStore>();

        var saves = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
            await store.SaveAsync(Artefact($"part-{i}")))));
        var listed = await store.ReadByInteractionAsync(Tenant, Interaction).Select(a => a.Name).ToListAsync();

        Assert.All(saves, s => Assert.True(s.IsSuccess, s.Error?.ToString()));
        Assert.Equal(Enumerable.Range(1, Writers).Select(i => $"part-{i}").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task DeletionRequestSaveAsync_WritersOfOneVersion_ExactlyOneWins()
    {
        var store = Database.Fresh<IDeletionRequestStore>();
        var read = (await store.SaveAsync(new DeletionRequest
        {
            Id = DeletionRequestId.Parse("del-1"),
            Tenant = Tenant,
            Recording = RecordingId.Parse("rec-1"),
            Interaction = Interaction,
            RequestedBy = ActorId.Parse("officer-1"),
            Reason = "asked on the phone",
            RequestedAt = At,
        })).Value;

        var saves = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
            await store.SaveAsync(read with { State = DeletionRequestState.Authorised, DecidedBy = ActorId.Parse($"manager-{i}"), DueBy = new LocalDate(2026, 3, 30) }))));

        var won = Assert.Single(saves, s => s.IsSuccess);
        Assert.All(saves.Where(s => s.IsFailure), s => Assert.Equal(ErrorCodes.VersionConflict, s.Error?.Code));
        Assert.Equal(won.Value, (await store.GetAsync(Tenant, read.Id)).Value);
    }

    private static StoredArtefact Artefact(string name) => new()
    {
        Tenant = Tenant,
        Interaction = Interaction,
        Name = name,
        Kind = ArtefactKind.Audio,
        RetainedItem = StoredArtefact.RetainedItemFor(Interaction, name),
        StoredAt = At,
        Recording = RecordingId.Parse("rec-1"),
    };
}

public sealed class SqliteInteractionConcurrencyTests(SqliteDatabase database) : InteractionConcurrencyTests, IClassFixture<SqliteDatabase>
{
    protected override TestDatabase Database => database;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresInteractionConcurrencyTests(PostgresFixture postgres) : InteractionConcurrencyTests
{
    protected override TestDatabase Database => postgres.Database(nameof(PostgresInteractionConcurrencyTests));
}
