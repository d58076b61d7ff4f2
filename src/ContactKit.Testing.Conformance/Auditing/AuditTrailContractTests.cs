using System.Diagnostics.CodeAnalysis;
using ContactKit;
using NodaTime;
using Xunit;

namespace ContactKit.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IAuditTrail"/> must show. Inherit it in a test project and return a fresh,
/// empty trail from <see cref="CreateTrail"/>; xunit runs every test below against it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read as Member_Scenario_Outcome.")]
public abstract class AuditTrailContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>Creates a new, empty trail for one test.</summary>
    /// <returns>The trail under test.</returns>
    protected abstract IAuditTrail CreateTrail();

    /// <summary>Appended entries come back in the order they were appended, numbered from 1 without gaps.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_SeveralEntries_ReadsBackInOrderWithSequenceFromOne()
    {
        var trail = CreateTrail();
        for (var i = 0; i < 5; i++)
        {
            await trail.AppendAsync(Entry(TenantA, $"action.{i}", "r-1", i));
        }

        var read = await ToListAsync(trail.ReadByTenantAsync(TenantA));

        Assert.Equal(["action.0", "action.1", "action.2", "action.3", "action.4"], read.Select(e => e.Action));
        Assert.Equal([1L, 2, 3, 4, 5], read.Select(e => e.Sequence));
    }

    /// <summary>What is stored is exactly what was appended, and later appends never change earlier entries.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_LaterAppends_LeaveEarlierEntriesUnchanged()
    {
        var trail = CreateTrail();
        var first = Entry(TenantA, "recording.started", "r-1", 0) with
        {
            Subject = DataSubjectId.Parse("subject-1"),
            Reason = "caller reached an officer",
            CorrelationId = ContactKit.CorrelationId.Parse("call-42"),
            Details = new Dictionary<string, string> { ["notice"] = "v3", ["channel"] = "VoiceCall" },
        };
        var stored = await trail.AppendAsync(first);
        var before = await ToListAsync(trail.ReadByTenantAsync(TenantA));

        await trail.AppendAsync(Entry(TenantA, "recording.paused", "r-1", 1));
        var after = await ToListAsync(trail.ReadByTenantAsync(TenantA));

        Assert.Equal(first with { Sequence = 1 }, stored);
        Assert.Equal(stored, Assert.Single(before));
        Assert.Equal(stored, after[0]);
        Assert.Equal(2, after.Count);
    }

    /// <summary>A tenant's reads never show another tenant's entries, even for the same resource and subject.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Read_TwoTenants_NeverSeeEachOthersEntries()
    {
        var trail = CreateTrail();
        var subject = DataSubjectId.Parse("subject-1");
        await trail.AppendAsync(Entry(TenantA, "a.done", "shared", 0) with { Subject = subject });
        await trail.AppendAsync(Entry(TenantB, "b.done", "shared", 1) with { Subject = subject });

        var byTenant = await ToListAsync(trail.ReadByTenantAsync(TenantA));
        var byResource = await ToListAsync(trail.ReadByResourceAsync(TenantA, new ResourceRef("recording", "shared")));
        var bySubject = await ToListAsync(trail.ReadBySubjectAsync(TenantA, subject));

        Assert.All(byTenant.Concat(byResource).Concat(bySubject), e => Assert.Equal(TenantA, e.Tenant));
        Assert.Equal("a.done", Assert.Single(byTenant).Action);
        Assert.Single(byResource);
        Assert.Single(bySubject);
        Assert.Equal(1, Assert.Single(await ToListAsync(trail.ReadByTenantAsync(TenantB))).Sequence);
    }

    /// <summary>Reading by resource or subject returns only the matching entries, in append order.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task Read_ByResourceAndBySubject_FilterAndKeepOrder()
    {
        var trail = CreateTrail();
        var alice = DataSubjectId.Parse("alice");
        await trail.AppendAsync(Entry(TenantA, "one", "r-1", 0) with { Subject = alice });
        await trail.AppendAsync(Entry(TenantA, "two", "r-2", 1));
        await trail.AppendAsync(Entry(TenantA, "three", "r-1", 2));
        await trail.AppendAsync(Entry(TenantA, "four", "r-2", 3) with { Subject = alice });

        var byResource = await ToListAsync(trail.ReadByResourceAsync(TenantA, new ResourceRef("recording", "r-1")));
        var bySubject = await ToListAsync(trail.ReadBySubjectAsync(TenantA, alice));

        Assert.Equal(["one", "three"], byResource.Select(e => e.Action));
        Assert.Equal(["one", "four"], bySubject.Select(e => e.Action));
    }

    /// <summary>Many threads appending at once lose nothing, and the sequence stays gapless and unique.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_ManyThreadsAtOnce_LosesNothing()
    {
        const int threads = 8;
        const int perThread = 250;
        var trail = CreateTrail();

        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < perThread; i++)
            {
                await trail.AppendAsync(Entry(TenantA, $"writer.{t}", $"r-{t}-{i}", i));
            }
        })));

        var read = await ToListAsync(trail.ReadByTenantAsync(TenantA));
        Assert.Equal(threads * perThread, read.Count);
        Assert.Equal(Enumerable.Range(1, threads * perThread).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(threads * perThread, read.Select(e => e.Resource).Distinct().Count());
    }

    /// <summary>An entry without an action is refused with code CK0011 naming the field, and nothing is stored.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_EntryWithoutAction_IsRefusedWithCodeAndField()
    {
        var trail = CreateTrail();

        var ex = await Assert.ThrowsAsync<ContactKitException>(async () => await trail.AppendAsync(Entry(TenantA, " ", "r-1", 0)));

        Assert.Equal(ErrorCodes.InvalidAuditEntry, ex.Error.Code);
        Assert.Equal(nameof(AuditEntry.Action), ex.Error.Field);
        Assert.Empty(await ToListAsync(trail.ReadByTenantAsync(TenantA)));
    }

    /// <summary>A cancelled append throws and stores nothing.</summary>
    /// <returns>The test.</returns>
    [SkippableFact]
    public async Task AppendAsync_Cancelled_StoresNothing()
    {
        var trail = CreateTrail();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await trail.AppendAsync(Entry(TenantA, "x", "r-1", 0), cancelled.Token));

        Assert.Empty(await ToListAsync(trail.ReadByTenantAsync(TenantA)));
    }

    /// <summary>Builds an entry for the tests.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="action">The action.</param>
    /// <param name="resourceId">The recording id it concerns.</param>
    /// <param name="minute">Minutes after the test start.</param>
    /// <returns>The entry.</returns>
    protected static AuditEntry Entry(TenantId tenant, string action, string resourceId, int minute) => new()
    {
        Tenant = tenant,
        OccurredAt = Start.Plus(Duration.FromMinutes(minute)),
        Actor = ActorId.Parse("agent-7"),
        Action = action,
        Resource = new ResourceRef("recording", resourceId),
    };

    private static async Task<List<AuditEntry>> ToListAsync(IAsyncEnumerable<AuditEntry> entries)
    {
        var list = new List<AuditEntry>();
        await foreach (var entry in entries)
        {
            list.Add(entry);
        }

        return list;
    }
}
