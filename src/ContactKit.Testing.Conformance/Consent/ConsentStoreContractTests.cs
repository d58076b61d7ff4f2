using System.Diagnostics.CodeAnalysis;
using ContactKit.Consent;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IConsentStore"/> must show. Inherit it in a test project and return a fresh, empty store
/// from <see cref="CreateStore"/>; xunit runs every test below against it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class ConsentStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("notice"), 1, "en-GB", new string('a', 64));

    /// <summary>Creates a new, empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IConsentStore CreateStore();

    /// <summary>Appended records read back in order, numbered from 1, exactly as appended.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_SeveralRecords_ReadBackInOrderUnchanged()
    {
        var store = CreateStore();
        var appended = new List<ConsentRecord>();
        for (var i = 0; i < 4; i++)
        {
            var record = Record(TenantA, "alice", i % 2 == 0 ? ConsentStatus.Given : ConsentStatus.Withdrawn, i);
            appended.Add((await store.AppendAsync(record)).Value.Record);
        }

        var read = await ToListAsync(store.ReadBySubjectAsync(TenantA, DataSubjectId.Parse("alice")));

        Assert.Equal([1L, 2, 3, 4], read.Select(r => r.Sequence));
        Assert.Equal(appended, read);
        Assert.Equal(appended[0] with { Sequence = 0 }, Record(TenantA, "alice", ConsentStatus.Given, 0) with { Id = appended[0].Id });
    }

    /// <summary>Appending the same record twice stores it once, returns the stored copy, and reports only the first as new.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_SameRecordTwice_StoresItOnce()
    {
        var store = CreateStore();
        var record = Record(TenantA, "alice", ConsentStatus.Given, 0);

        var first = await store.AppendAsync(record);
        var second = await store.AppendAsync(record);

        Assert.Equal(first.Value.Record, second.Value.Record);
        Assert.True(first.Value.IsNew);
        Assert.False(second.Value.IsNew);
        Assert.Single(await ToListAsync(store.ReadByTenantAsync(TenantA)));
    }

    /// <summary>
    /// One record replayed from eight threads at once is stored once and exactly one append reports it as new, so that
    /// the ledger audits it once (it used to write an audit entry per replay).
    /// </summary>
    [SkippableFact]
    public void AppendAsync_SameRecordFromEightThreads_StoredOnceAndExactlyOneIsNew()
    {
        const int threads = 8;
        const int rounds = 25;
        var store = CreateStore();
        for (var round = 0; round < rounds; round++)
        {
            var record = Record(TenantA, "alice", ConsentStatus.Given, round);
            var outcomes = new Result<ConsentAppendOutcome>[threads];
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                outcomes[t] = store.AppendAsync(record).AsTask().GetAwaiter().GetResult();
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());

            Assert.All(outcomes, o => Assert.True(o.IsSuccess));
            Assert.Single(outcomes, o => o.Value.IsNew);
            Assert.Single(outcomes.Select(o => o.Value.Record).Distinct());
        }

        Assert.Equal(rounds, ToListAsync(store.ReadByTenantAsync(TenantA)).GetAwaiter().GetResult().Count);
    }

    /// <summary>The latest record for a subject and purpose is found by purpose and by category, and a later record replaces it.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetLatestAsync_GivenThenWithdrawn_ReturnsTheWithdrawalByPurposeAndCategory()
    {
        var store = CreateStore();
        var alice = DataSubjectId.Parse("alice");
        var given = (await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Given, 0))).Value.Record;
        Assert.Equal(given, (await store.GetLatestAsync(TenantA, alice, Purpose.Marketing)).Value);

        await store.AppendAsync(Record(TenantA, "bob", ConsentStatus.Given, 1));
        var withdrawn = (await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Withdrawn, 2))).Value.Record;

        Assert.Equal(withdrawn, (await store.GetLatestAsync(TenantA, alice, Purpose.Marketing)).Value);
        Assert.Equal(withdrawn, (await store.GetLatestAsync(TenantA, alice, Purpose.Marketing, DataCategories.Email.Key)).Value);
    }

    /// <summary>Nothing recorded (for the subject, the purpose, the category, or in this tenant) reads as not found.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task GetLatestAsync_NothingRecorded_IsNotFound()
    {
        var store = CreateStore();
        var alice = DataSubjectId.Parse("alice");
        await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Given, 0));

        Assert.Equal(ErrorCodes.NotFound, (await store.GetLatestAsync(TenantA, DataSubjectId.Parse("bob"), Purpose.Marketing)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetLatestAsync(TenantA, alice, Purpose.Training)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetLatestAsync(TenantA, alice, Purpose.Marketing, DataCategories.Phone.Key)).Error?.Code);
        Assert.Equal(ErrorCodes.NotFound, (await store.GetLatestAsync(TenantB, alice, Purpose.Marketing)).Error?.Code);
    }


    /// <summary>A record id reused with different content is refused with CK0310, and the ledger keeps the original.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_SameIdDifferentContent_IsRefusedAndOriginalKept()
    {
        var store = CreateStore();
        var record = Record(TenantA, "alice", ConsentStatus.Given, 0);
        await store.AppendAsync(record);

        var changed = await store.AppendAsync(record with { Status = ConsentStatus.Refused });

        Assert.Equal(ConsentErrorCodes.DuplicateConsentRecord, changed.Error?.Code);
        Assert.Equal(ConsentStatus.Given, Assert.Single(await ToListAsync(store.ReadByTenantAsync(TenantA))).Status);
    }

    /// <summary>An invalid record (no purposes) is refused with CK0306 and nothing is stored.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_InvalidRecord_IsRefusedAndNothingStored()
    {
        var store = CreateStore();

        var result = await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Given, 0) with { Purposes = [] });

        Assert.Equal(ConsentErrorCodes.InvalidConsentRecord, result.Error?.Code);
        Assert.Equal(nameof(ConsentRecord.Purposes), result.Error?.Field);
        Assert.Empty(await ToListAsync(store.ReadByTenantAsync(TenantA)));
    }

    /// <summary>One tenant never reads another's records, even for the same subject id.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Read_TwoTenants_NeverSeeEachOthersRecords()
    {
        var store = CreateStore();
        await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Given, 0));
        await store.AppendAsync(Record(TenantB, "alice", ConsentStatus.Refused, 1));

        var a = await ToListAsync(store.ReadBySubjectAsync(TenantA, DataSubjectId.Parse("alice")));
        var b = await ToListAsync(store.ReadByTenantAsync(TenantB));

        Assert.Equal(ConsentStatus.Given, Assert.Single(a).Status);
        Assert.Equal(ConsentStatus.Refused, Assert.Single(b).Status);
        Assert.Equal(1, b[0].Sequence);
    }

    /// <summary>Reading by subject returns only that subject's records, in append order.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task ReadBySubjectAsync_MixedSubjects_FiltersAndKeepsOrder()
    {
        var store = CreateStore();
        await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Given, 0));
        await store.AppendAsync(Record(TenantA, "bob", ConsentStatus.Given, 1));
        await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Withdrawn, 2));

        var alice = await ToListAsync(store.ReadBySubjectAsync(TenantA, DataSubjectId.Parse("alice")));

        Assert.Equal([ConsentStatus.Given, ConsentStatus.Withdrawn], alice.Select(r => r.Status));
        Assert.Equal([1L, 3], alice.Select(r => r.Sequence));
    }

    /// <summary>Many threads appending at once lose nothing, and the sequence stays gapless and unique.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_ManyThreadsAtOnce_LosesNothing()
    {
        const int threads = 8;
        const int perThread = 200;
        var store = CreateStore();

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var result = await store.AppendAsync(Record(TenantA, $"subject-{t}", ConsentStatus.Given, i));
                Assert.True(result.IsSuccess);
            }
        })));

        var read = await ToListAsync(store.ReadByTenantAsync(TenantA));
        Assert.Equal(threads * perThread, read.Count);
        Assert.Equal(Enumerable.Range(1, threads * perThread).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Equal(threads * perThread, read.Select(r => r.Id).Distinct().Count());
    }

    /// <summary>A cancelled append throws and stores nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_Cancelled_StoresNothing()
    {
        var store = CreateStore();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AppendAsync(Record(TenantA, "alice", ConsentStatus.Given, 0), cancelled.Token));

        Assert.Empty(await ToListAsync(store.ReadByTenantAsync(TenantA)));
    }

    /// <summary>Builds a valid record for the tests.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The subject id.</param>
    /// <param name="status">The status.</param>
    /// <param name="minute">Minutes after the test start.</param>
    /// <returns>The record.</returns>
    protected static ConsentRecord Record(TenantId tenant, string subject, ConsentStatus status, int minute) => new()
    {
        Id = ConsentRecordId.New(),
        Tenant = tenant,
        Subject = DataSubjectId.Parse(subject),
        Controller = "Example Council",
        Purposes = [Purpose.Marketing],
        DataCategories = [DataCategories.Email.Key],
        Channel = Channel.WebForm,
        Status = status,
        Method = ConsentMethod.OptInTick,
        Notice = Notice,
        Evidence = new ConsentEvidence(Reference: $"form-{minute}"),
        RecordedAt = Start.Plus(Duration.FromMinutes(minute)),
    };

    private static async Task<List<ConsentRecord>> ToListAsync(IAsyncEnumerable<ConsentRecord> records)
    {
        var list = new List<ConsentRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }
}
