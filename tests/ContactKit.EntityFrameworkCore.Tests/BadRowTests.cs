using ContactKit.Interactions;
using ContactKit.Recording;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class BadRowTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly TenantId Tenant = TenantId.Parse("tenant-a");

    [SkippableFact]
    public async Task ReadByTenantAsync_DamagedAuditJson_ThrowsCorruptRowNamingTheRow()
    {
        var trail = database.Fresh<IAuditTrail>();
        await trail.AppendAsync(new AuditEntry { Tenant = Tenant, OccurredAt = Instant.FromUtc(2026, 3, 2, 9, 0), Actor = ActorId.Parse("agent-1"), Action = "recording.started", Resource = new ResourceRef("recording", "rec-1") });
        using (var context = database.NewContext())
        {
            await context.Set<AuditEntryRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Json, "{\"tenant\":"));
        }

        var error = await Assert.ThrowsAsync<ContactKitException>(async () => await trail.ReadByTenantAsync(Tenant).ToListAsync());

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, error.Error.Code);
        Assert.Contains("tenant-a/1", error.Error.Message, StringComparison.Ordinal);
        Assert.Contains(AuditEntryRow.Table, error.Error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAsync_EventFromANewerContract_IsUnknownRowVersionNotACrash()
    {
        var store = database.Fresh<IRecordingStore>();
        using (var context = database.NewContext())
        {
            context.Add(new RecordingSessionRow { Tenant = Tenant.Value, Recording = "rec-1", Version = 1 });
            context.Add(new RecordingEventRow { Tenant = Tenant.Value, Recording = "rec-1", Version = 1, EventId = "e-1", ContractVersion = RecordingJson.EventContractVersion + 1, Json = "{}" });
            await context.SaveChangesAsync();
        }

        var read = await store.GetAsync(Tenant, RecordingId.Parse("rec-1"));

        Assert.Equal(EntityFrameworkCoreErrorCodes.UnknownRowVersion, read.Error?.Code);
        Assert.Contains("tenant-a/rec-1/1", read.Error!.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAsync_InteractionWithDamagedSubjects_IsCorruptRowNamingTheRowAndColumn()
    {
        var store = database.Fresh<IInteractionStore>();
        await store.SaveAsync(new InteractionRecord { Tenant = Tenant, Id = InteractionId.Parse("int-1"), Channel = Channel.VoiceCall, StartedAt = Instant.FromUtc(2026, 3, 2, 9, 0) });
        using (var context = database.NewContext())
        {
            await context.Set<InteractionRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Subjects, "[{\"party\":"));
        }

        var read = await store.GetAsync(Tenant, InteractionId.Parse("int-1"));

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, read.Error?.Code);
        Assert.Contains("tenant-a/int-1", read.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(InteractionRow.Table, read.Error.Message, StringComparison.Ordinal);
        Assert.Contains("column subjects", read.Error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SaveAsync_OverADamagedInteraction_IsCorruptRowAndChangesNothing()
    {
        var store = database.Fresh<IInteractionStore>();
        var saved = (await store.SaveAsync(new InteractionRecord { Tenant = Tenant, Id = InteractionId.Parse("int-1"), Channel = Channel.VoiceCall, StartedAt = Instant.FromUtc(2026, 3, 2, 9, 0) })).Value;
        using (var context = database.NewContext())
        {
            await context.Set<InteractionRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Channel, 99));
        }

        var save = await store.SaveAsync(saved with { Case = CaseId.Parse("case-1") });

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, save.Error?.Code);
        Assert.Contains("column channel", save.Error!.Message, StringComparison.Ordinal);
        using var check = database.NewContext();
        Assert.Null((await check.Set<InteractionRow>().SingleAsync()).Case);
    }

    [SkippableFact]
    public async Task ReadByInteractionAsync_ArtefactOfAnUnknownKind_ThrowsCorruptRowNamingTheRow()
    {
        var store = database.Fresh<IArtefactStore>();
        var interaction = InteractionId.Parse("int-1");
        var item = StoredArtefact.RetainedItemFor(interaction, "sentiment");
        await store.SaveAsync(new StoredArtefact { Tenant = Tenant, Interaction = interaction, Name = "sentiment", Kind = ArtefactKind.Sentiment, RetainedItem = item, StoredAt = Instant.FromUtc(2026, 3, 2, 9, 0) });
        using (var context = database.NewContext())
        {
            await context.Set<ArtefactRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Kind, 0));
        }

        var error = await Assert.ThrowsAsync<ContactKitException>(async () => await store.ReadByInteractionAsync(Tenant, interaction).ToListAsync());

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, error.Error.Code);
        Assert.Contains($"tenant-a/{item}", error.Error.Message, StringComparison.Ordinal);
        Assert.Contains(ArtefactRow.Table, error.Error.Message, StringComparison.Ordinal);
        Assert.Contains("column kind", error.Error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadOpenAsync_DeletionRequestNamingNoValidRecording_ThrowsCorruptRowWithoutTheValue()
    {
        var store = database.Fresh<IDeletionRequestStore>();
        await store.SaveAsync(new DeletionRequest
        {
            Id = DeletionRequestId.Parse("del-1"),
            Tenant = Tenant,
            Recording = RecordingId.Parse("rec-1"),
            Interaction = InteractionId.Parse("int-1"),
            RequestedBy = ActorId.Parse("officer-1"),
            Reason = "asked on the phone",
            RequestedAt = Instant.FromUtc(2026, 3, 2, 10, 0),
        });
        using (var context = database.NewContext())
        {
            await context.Set<DeletionRequestRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Recording, "not a recording id!"));
        }

        var error = await Assert.ThrowsAsync<ContactKitException>(async () => await store.ReadOpenAsync(Tenant).ToListAsync());

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, error.Error.Code);
        Assert.Contains("tenant-a/del-1", error.Error.Message, StringComparison.Ordinal);
        Assert.Contains("column recording", error.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a recording id", error.Error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAsync_DeletionRequestInAnUnknownState_IsCorruptRow()
    {
        var store = database.Fresh<IDeletionRequestStore>();
        await store.SaveAsync(new DeletionRequest
        {
            Id = DeletionRequestId.Parse("del-1"),
            Tenant = Tenant,
            Recording = RecordingId.Parse("rec-1"),
            Interaction = InteractionId.Parse("int-1"),
            RequestedBy = ActorId.Parse("officer-1"),
            Reason = "asked on the phone",
            RequestedAt = Instant.FromUtc(2026, 3, 2, 10, 0),
        });
        using (var context = database.NewContext())
        {
            await context.Set<DeletionRequestRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.State, 7));
        }

        var read = await store.GetAsync(Tenant, DeletionRequestId.Parse("del-1"));

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, read.Error?.Code);
        Assert.Contains("column state", read.Error!.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetAsync_DamagedRetainedItemTriggers_IsCorruptRowNamingTheRow()
    {
        var store = database.Fresh<ContactKit.Retention.IRetentionStore>();
        var item = new ContactKit.Retention.RetainedItem { Tenant = Tenant, Id = RetainedItemId.Parse("item-1"), RecordClass = ContactKit.Retention.RecordClass.CallRecording, CreatedAt = Instant.FromUtc(2026, 3, 2, 9, 0) };
        await store.SaveAsync(new ContactKit.Retention.StoredRetainedItem { Item = item });
        using (var context = database.NewContext())
        {
            await context.Set<RetainedItemRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Triggers, "{\"created\":"));
        }

        var read = await store.GetAsync(Tenant, item.Id);

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, read.Error?.Code);
        Assert.Contains("tenant-a/item-1", read.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(RetainedItemRow.Table, read.Error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SaveAsync_OverADamagedMarketingEvent_IsCorruptRowNamingTheRowAndAppendsNothing()
    {
        var store = database.Fresh<ContactKit.Consent.IMarketingPreferenceStore>();
        var subject = DataSubjectId.Parse("subject-1");
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var saved = (await store.SaveAsync(ContactKit.Consent.MarketingPreferences.For(Tenant, subject).OptIn(ContactKit.Consent.MarketingChannel.Email, at))).Value;
        using (var context = database.NewContext())
        {
            await context.Set<MarketingEventRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Json, "{\"kind\":"));
        }

        var read = await store.GetAsync(Tenant, subject);
        var save = await store.SaveAsync(saved.OptOut(ContactKit.Consent.MarketingChannel.Email, ContactKit.Consent.OptOutRoute.ToldAnAgent, at.Plus(Duration.FromDays(1))));

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, read.Error?.Code);
        Assert.Contains("tenant-a/'subject-1'/1", read.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(MarketingEventRow.Table, read.Error.Message, StringComparison.Ordinal);
        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, save.Error?.Code);
        using var check = database.NewContext();
        Assert.Equal(1, await check.Set<MarketingEventRow>().CountAsync());
    }

    [SkippableFact]
    public async Task GetAsync_ScreeningOnAnUnknownRegister_IsCorruptRowWithoutTheNumber()
    {
        var store = database.Fresh<ContactKit.Consent.ICallingListScreeningStore>();
        var number = TelephoneNumber.Parse("+442079460999");
        await store.RecordAsync(Tenant, "spring", [new ContactKit.Consent.TelephoneScreening(number, ContactKit.Consent.TelephonePreferenceRegisters.Tps, new LocalDate(2026, 3, 2))]);
        using (var context = database.NewContext())
        {
            await context.Set<TelephoneScreeningRow>().ExecuteUpdateAsync(s => s.SetProperty(r => r.Registers, 64));
        }

        var read = await store.GetAsync(Tenant, "spring", number);

        Assert.Equal(EntityFrameworkCoreErrorCodes.CorruptRow, read.Error?.Code);
        Assert.Contains(TelephoneScreeningRow.Table, read.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("tenant-a/spring/", read.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2079460999", read.Error.Message, StringComparison.Ordinal);
    }
}
