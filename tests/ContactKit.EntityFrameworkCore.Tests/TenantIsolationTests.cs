using System.Data.Common;
using System.Globalization;
using ContactKit.Calendars;
using ContactKit.Consent;
using ContactKit.DataSubjects;
using ContactKit.Interactions;
using ContactKit.Recording;
using ContactKit.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>
/// One tenant never reads, changes or deletes another's rows, through any EF Core store. Tenant A writes through every
/// store, so that every table of the model holds A's rows; tenant B then calls every method of every store, aimed at A's
/// ids, and sees nothing of A's; afterwards A's rows are exactly as they were. The stores, their methods and the tables
/// are found from the registration and the model, so a store, method or table added later fails this test until it is
/// covered here.
/// </summary>
public abstract class TenantIsolationTests
{
    private static readonly TenantId A = TenantId.Parse("tenant-a");
    private static readonly TenantId B = TenantId.Parse("tenant-b");
    private static readonly DataSubjectId Alice = DataSubjectId.Parse("alice");
    private static readonly ActorId Officer = ActorId.Parse("officer-1");
    private static readonly RecordingId Recording = RecordingId.Parse("rec-1");
    private static readonly RecordingId PausedRecording = RecordingId.Parse("rec-2");
    private static readonly InteractionId Interaction = InteractionId.Parse("int-1");
    private static readonly ResourceRef Resource = new("recording", "rec-1");
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private static readonly LocalDate Monday = new(2026, 3, 2);
    private static readonly TelephoneNumber Number = TelephoneNumber.Parse("+442079460999");
    private const string CallingList = "spring-campaign";
    private static readonly RightsRequestWorkflow Workflow = new(new UkTenantCalendars(UkDivision.EnglandAndWales));

    private readonly Dictionary<Type, HashSet<string>> _called = [];

    protected abstract TestDatabase Database { get; }

    [SkippableFact]
    public void Model_EveryTable_HasATenantColumnLeadingItsKeyAndEveryIndex()
    {
        using var context = Database.NewContext();
        var tables = ContactKitTables(context.Model).ToList();

        Assert.NotEmpty(tables);
        foreach (var entity in tables)
        {
            var table = entity.GetTableName();
            var tenant = entity.FindProperty("Tenant");
            Assert.True(tenant is not null, $"Table {table} has no tenant column.");
            Assert.Equal("tenant", tenant.GetColumnName());
            Assert.False(tenant.IsNullable, $"The tenant column of {table} allows null.");
            Assert.True(entity.FindPrimaryKey()?.Properties[0] == tenant, $"The tenant column does not lead the primary key of {table}.");
            foreach (var index in entity.GetIndexes())
            {
                Assert.True(index.Properties[0] == tenant, $"The tenant column does not lead index {index.GetDatabaseName()} of {table}.");
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                Assert.True(foreignKey.Properties[0] == tenant, $"The tenant column does not lead a foreign key of {table}.");
            }
        }
    }

    [SkippableFact]
    public async Task EveryStore_AsAnotherTenant_NeitherSeesNorChangesTheFirstTenantsRows()
    {
        var services = Database.Services;
        _ = Database.Fresh<IAuditTrail>();
        var written = await WriteAsTenantAAsync(services);
        var before = await RowsOfTenantAAsync();

        await ReadAsTenantBAsync(services, written);
        await WriteAsTenantBAsync(services, written);
        var after = await RowsOfTenantAAsync();

        Assert.All(before, table => Assert.True(table.Value.Count > 0, $"Table {table.Key} holds no row of tenant A: write to it through its store in this test."));
        foreach (var (table, rows) in before)
        {
            Assert.True(rows.SequenceEqual(after[table]), $"Tenant B's calls changed tenant A's rows in table {table}.");
        }

        foreach (var store in RegisteredStores())
        {
            var methods = store.GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            var called = _called.GetValueOrDefault(store) ?? [];
            Assert.True(methods.SetEquals(called), $"{store.Name} has methods this test does not call as another tenant: {string.Join(", ", methods.Except(called))}.");
        }
    }

    // The provider interfaces AddEntityFrameworkCoreStores registers an EF Core store for.
    private static IEnumerable<Type> RegisteredStores()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddEntityFrameworkCoreStores(_ => { });
        var assembly = typeof(ContactKitDbContext).Assembly;
        return services
            .Where(d => d.ImplementationType is { IsGenericType: true } implementation && implementation.Assembly == assembly && IsStore(implementation))
            .Select(d => d.ServiceType)
            .Distinct()
            .ToList();
    }

    private static bool IsStore(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(StoreBase<>))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<IEntityType> ContactKitTables(IModel model) =>
        model.GetEntityTypes().Where(e => e.GetTableName() is { } table && table.StartsWith("contactkit_", StringComparison.Ordinal));

    private static async Task<Written> WriteAsTenantAAsync(IServiceProvider services)
    {
        var audit = await services.GetRequiredService<IAuditTrail>().AppendAsync(new AuditEntry
        {
            Tenant = A, OccurredAt = Start, Actor = Officer, Action = "recording.started", Resource = Resource, Subject = Alice,
        });

        var recordings = services.GetRequiredService<IRecordingStore>();
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        var started = new InteractionStarted(EventId.Parse("started"), A, Recording, Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var begun = RecordingLifecycle.Begin(started, Start).Value;
        Ok(await recordings.SaveAsync(begun, new RecordedEvent(1, Start, started), 0, RecordingAudit(begun)));
        var (ended, endedEvent) = Session(A);
        var session = Ok(await recordings.SaveAsync(ended, endedEvent, 1, RecordingAudit(ended)));

        // A second session, live in a secure-payment pause, for the reads of open pauses.
        var live = new InteractionStarted(EventId.Parse("started"), A, PausedRecording, Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var pause = new CapturePaused(EventId.Parse("paused"), UncapturedReason.SecurePayment);
        var liveBegun = RecordingLifecycle.Begin(live, Start).Value;
        var liveSession = Ok(await recordings.SaveAsync(liveBegun, new RecordedEvent(1, Start, live), 0, RecordingAudit(liveBegun)));
        var pausedAt = Start.Plus(Duration.FromMinutes(1));
        var paused = RecordingLifecycle.Apply(liveSession, pause, pausedAt).Value;
        Ok(await recordings.SaveAsync(paused, new RecordedEvent(2, pausedAt, pause), 1, RecordingAudit(paused)));
        Assert.Single(await recordings.ReadSecurePausedAsync(A).ToListAsync());

        var consent = Ok(await services.GetRequiredService<IConsentStore>().AppendAsync(new ConsentRecord
        {
            Id = ConsentRecordId.Parse("consent-1"),
            Tenant = A,
            Subject = Alice,
            Controller = "Example Council",
            Purposes = [Purpose.Marketing],
            DataCategories = [DataCategories.Email.Key],
            Channel = Channel.WebForm,
            Status = ConsentStatus.Given,
            Method = ConsentMethod.OptInTick,
            Notice = new NoticeReference(PrivacyNoticeId.Parse("notice"), 1, "en-GB", new string('a', 64)),
            Evidence = new ConsentEvidence(Reference: "form-1"),
            RecordedAt = Start,
        })).Record;

        var received = Workflow.Receive(A, RightsRequestId.Parse("req-1"), Alice, DataSubjectRight.Erasure, new RequestIntake { Channel = Channel.Email, Description = "Please delete my enquiry." }, Officer, Start, Monday).Value;
        var rights = Ok(await services.GetRequiredService<IRightsRequestStore>().AddAsync(received));

        var retention = services.GetRequiredService<IRetentionStore>();
        var item = Ok(await retention.SaveAsync(new StoredRetainedItem
        {
            Item = new RetainedItem
            {
                Tenant = A, Id = RetainedItemId.Parse("item-1"), RecordClass = RecordClass.CallRecording, CreatedAt = Start.Minus(Duration.FromDays(200)),
                Subject = Alice, Interaction = Interaction, Case = CaseId.Parse("case-1"),
            },
            DisposeAt = Start,
            Action = DisposalAction.Delete,
            RuleName = "recordings",
        }));
        var hold = Ok(await retention.AddHoldAsync(new LegalHold
        {
            Id = LegalHoldId.Parse("hold-1"), Tenant = A, Target = HoldTarget.ForCase(CaseId.Parse("case-other")), Reason = "litigation", PlacedBy = Officer, PlacedAt = Start,
        }));

        var interaction = Ok(await services.GetRequiredService<IInteractionStore>().SaveAsync(new InteractionRecord
        {
            Tenant = A, Id = Interaction, Channel = Channel.VoiceCall, StartedAt = Start, Recordings = [Recording],
            Subjects = [new SubjectLink(caller.Id, Alice, Start)],
        }));
        var artefact = Ok(await services.GetRequiredService<IArtefactStore>().SaveAsync(new StoredArtefact
        {
            Tenant = A, Interaction = Interaction, Name = "rec-1.audio", Kind = ArtefactKind.Audio, RetainedItem = StoredArtefact.RetainedItemFor(Interaction, "rec-1.audio"),
            StoredAt = Start, Recording = Recording, Location = "media://rec-1", Sha256 = new string('b', 64),
        }));
        var deletion = Ok(await services.GetRequiredService<IDeletionRequestStore>().SaveAsync(new DeletionRequest
        {
            Id = DeletionRequestId.Parse("del-1"), Tenant = A, Recording = Recording, Interaction = Interaction, RequestedBy = Officer, Reason = "the caller asked", RequestedAt = Start,
        }));

        var marketing = services.GetRequiredService<IMarketingPreferenceStore>();
        var preferences = Ok(await marketing.SaveAsync(Ok(await marketing.GetAsync(A, Alice)).OptIn(MarketingChannel.Email, Start, consent.Id)));
        Ok(await services.GetRequiredService<ICallingListScreeningStore>().RecordAsync(A, CallingList, [new TelephoneScreening(Number, TelephonePreferenceRegisters.Tps, Monday)]));

        return new Written(audit, session, consent, rights, item, hold, interaction, artefact, deletion, preferences);
    }

    private async Task ReadAsTenantBAsync(IServiceProvider services, Written a)
    {
        var audit = services.GetRequiredService<IAuditTrail>();
        Assert.Empty(await Call(audit, nameof(IAuditTrail.ReadByTenantAsync)).ReadByTenantAsync(B).ToListAsync());
        Assert.Empty(await Call(audit, nameof(IAuditTrail.ReadByResourceAsync)).ReadByResourceAsync(B, Resource).ToListAsync());
        Assert.Empty(await Call(audit, nameof(IAuditTrail.ReadBySubjectAsync)).ReadBySubjectAsync(B, Alice).ToListAsync());

        var recordings = services.GetRequiredService<IRecordingStore>();
        NotFound(await Call(recordings, nameof(IRecordingStore.GetAsync)).GetAsync(B, Recording));
        Assert.Empty(await Call(recordings, nameof(IRecordingStore.ReadEventsAsync)).ReadEventsAsync(B, Recording).ToListAsync());
        Assert.Empty(await Call(recordings, nameof(IRecordingStore.ReadEventsAsync)).ReadEventsAsync(B, PausedRecording).ToListAsync());
        Assert.Empty(await Call(recordings, nameof(IRecordingStore.ReadSecurePausedAsync)).ReadSecurePausedAsync(B).ToListAsync());

        var consent = services.GetRequiredService<IConsentStore>();
        NotFound(await Call(consent, nameof(IConsentStore.GetLatestAsync)).GetLatestAsync(B, Alice, Purpose.Marketing));
        NotFound(await consent.GetLatestAsync(B, Alice, Purpose.Marketing, DataCategories.Email.Key));
        Assert.Empty(await Call(consent, nameof(IConsentStore.ReadBySubjectAsync)).ReadBySubjectAsync(B, Alice).ToListAsync());
        Assert.Empty(await Call(consent, nameof(IConsentStore.ReadByTenantAsync)).ReadByTenantAsync(B).ToListAsync());

        var marketing = services.GetRequiredService<IMarketingPreferenceStore>();
        Assert.Empty(Ok(await Call(marketing, nameof(IMarketingPreferenceStore.GetAsync)).GetAsync(B, Alice)).Events);

        var screenings = services.GetRequiredService<ICallingListScreeningStore>();
        NotFound(await Call(screenings, nameof(ICallingListScreeningStore.GetAsync)).GetAsync(B, CallingList, Number));
        Assert.Empty(await Call(screenings, nameof(ICallingListScreeningStore.ReadAsync)).ReadAsync(B, CallingList).ToListAsync());
        Assert.Empty(await Call(screenings, nameof(ICallingListScreeningStore.ReadListsAsync)).ReadListsAsync(B).ToListAsync());
        Assert.Equal(new ScreeningsGoingStale(0, null), await Call(screenings, nameof(ICallingListScreeningStore.GoingStaleAsync)).GoingStaleAsync(B, CallingList, Monday, 60, 28));

        var rights = services.GetRequiredService<IRightsRequestStore>();
        NotFound(await Call(rights, nameof(IRightsRequestStore.GetAsync)).GetAsync(B, a.Rights.Id));
        Assert.Empty(await Call(rights, nameof(IRightsRequestStore.ListBySubjectAsync)).ListBySubjectAsync(B, Alice).ToListAsync());
        Assert.Empty(await Call(rights, nameof(IRightsRequestStore.ListOpenDueByAsync)).ListOpenDueByAsync(B, Monday.PlusYears(10)).ToListAsync());

        var retention = services.GetRequiredService<IRetentionStore>();
        NotFound(await Call(retention, nameof(IRetentionStore.GetAsync)).GetAsync(B, a.Item.Id));
        Assert.Empty(await Call(retention, nameof(IRetentionStore.ReadAllAsync)).ReadAllAsync(B).ToListAsync());
        Assert.Empty(await Call(retention, nameof(IRetentionStore.ReadHoldsAsync)).ReadHoldsAsync(B).ToListAsync());
        Assert.Empty(await Call(retention, nameof(IRetentionStore.ReadActiveHoldsAsync)).ReadActiveHoldsAsync(B, [a.Hold.Target, .. HoldTarget.Reaching(a.Item.Item)]).ToListAsync());
        var watch = await Call(retention, nameof(IRetentionStore.WatchHoldsAsync)).WatchHoldsAsync(B);
        await using (watch)
        {
            // The first tenant's hold is on this case: as another tenant an item in the same case is not held.
            Assert.False(await watch.IsHeldAsync(a.Item.Item with { Tenant = B, Case = CaseId.Parse(a.Hold.Target.Id) }));
        }

        var interactions = services.GetRequiredService<IInteractionStore>();
        NotFound(await Call(interactions, nameof(IInteractionStore.GetAsync)).GetAsync(B, Interaction));
        Assert.Empty(await Call(interactions, nameof(IInteractionStore.FindBySubjectAsync)).FindBySubjectAsync(B, Alice).ToListAsync());

        var artefacts = services.GetRequiredService<IArtefactStore>();
        NotFound(await Call(artefacts, nameof(IArtefactStore.GetAsync)).GetAsync(B, a.Artefact.RetainedItem));
        Assert.Empty(await Call(artefacts, nameof(IArtefactStore.ReadByInteractionAsync)).ReadByInteractionAsync(B, Interaction).ToListAsync());

        var deletions = services.GetRequiredService<IDeletionRequestStore>();
        NotFound(await Call(deletions, nameof(IDeletionRequestStore.GetAsync)).GetAsync(B, a.Deletion.Id));
        Assert.Empty(await Call(deletions, nameof(IDeletionRequestStore.ReadOpenAsync)).ReadOpenAsync(B).ToListAsync());
    }

    // Writes aimed at tenant A's records, made as tenant B: each is refused, or stores tenant B's own record beside A's.
    private async Task WriteAsTenantBAsync(IServiceProvider services, Written a)
    {
        var audit = services.GetRequiredService<IAuditTrail>();
        var own = await Call(audit, nameof(IAuditTrail.AppendAsync)).AppendAsync(a.Audit with { Tenant = B, Sequence = 0 });
        Assert.Equal(B, own.Tenant);
        Assert.Equal(own, Assert.Single(await audit.ReadByTenantAsync(B).ToListAsync()));

        var recordings = services.GetRequiredService<IRecordingStore>();
        var (session, next) = Session(B);
        Failed(await Call(recordings, nameof(IRecordingStore.SaveAsync)).SaveAsync(session, next, session.Version - 1, RecordingAudit(session)));
        Failed(await Call(recordings, nameof(IRecordingStore.DeleteAsync)).DeleteAsync(B, Recording, a.Session.Version));

        var consent = services.GetRequiredService<IConsentStore>();
        Ok(await Call(consent, nameof(IConsentStore.AppendAsync)).AppendAsync(a.Consent with { Tenant = B, Sequence = 0 }));

        // Tenant B's preferences for the same subject id start from nothing, so A's events given as B's are B's first.
        var marketing = services.GetRequiredService<IMarketingPreferenceStore>();
        Ok(await Call(marketing, nameof(IMarketingPreferenceStore.SaveAsync)).SaveAsync(MarketingPreferences.FromEvents(B, Alice, a.Preferences.Events).Value));

        var screenings = services.GetRequiredService<ICallingListScreeningStore>();
        Assert.False(await Call(screenings, nameof(ICallingListScreeningStore.WithdrawAsync)).WithdrawAsync(B, CallingList));
        Ok(await Call(screenings, nameof(ICallingListScreeningStore.RecordAsync)).RecordAsync(B, CallingList, [new TelephoneScreening(Number, TelephonePreferenceRegisters.Ctps, Monday.PlusDays(1))]));

        var rights = services.GetRequiredService<IRightsRequestStore>();
        Failed(await Call(rights, nameof(IRightsRequestStore.UpdateAsync)).UpdateAsync(Workflow.Apply(a.Rights, RightsRequestCommand.Start(Officer, Start, Monday)).Value with { Tenant = B }));
        Ok(await Call(rights, nameof(IRightsRequestStore.AddAsync)).AddAsync(a.Rights with { Tenant = B, Version = 0 }));

        var retention = services.GetRequiredService<IRetentionStore>();
        var worker = ActorId.Parse("worker-b");
        var later = Start.Plus(Duration.FromDays(400));
        Assert.Empty(await Call(retention, nameof(IRetentionStore.ClaimDueAsync)).ClaimDueAsync(B, later, 100, worker, Duration.FromMinutes(5)));
        Failed(await Call(retention, nameof(IRetentionStore.BeginDisposalAsync)).BeginDisposalAsync(B, a.Item.Id, worker, later));
        Failed(Assert.Single(await Call(retention, nameof(IRetentionStore.BeginDisposalsAsync)).BeginDisposalsAsync(B, [a.Item.Id], worker, later)));
        Failed(await Call(retention, nameof(IRetentionStore.BeginErasureAsync)).BeginErasureAsync(B, a.Item.Id, [], worker, later, Duration.FromMinutes(5)));
        Failed(await Call(retention, nameof(IRetentionStore.CompleteDisposalAsync)).CompleteDisposalAsync(B, a.Item.Id, worker, later));
        var proof = new AuditEntry { Tenant = B, OccurredAt = later, Actor = worker, Action = DisposalPlanner.DisposedAction, Resource = ResourceRef.RetainedItem(a.Item.Id) };
        Failed(Assert.Single(await Call(retention, nameof(IRetentionStore.CompleteDisposalsAsync)).CompleteDisposalsAsync(B, [new DisposalCompletion(a.Item.Id, proof)], worker, later)));
        Failed(await Call(retention, nameof(IRetentionStore.ReleaseClaimAsync)).ReleaseClaimAsync(B, a.Item.Id, worker));
        Failed(await Call(retention, nameof(IRetentionStore.ReleaseHoldAsync)).ReleaseHoldAsync(B, a.Hold.Id, Officer, later));
        Failed(await Call(retention, nameof(IRetentionStore.SaveAsync)).SaveAsync(a.Item with { Item = a.Item.Item with { Tenant = B }, DisposeAt = later }));
        Ok(await retention.SaveAsync(a.Item with { Item = a.Item.Item with { Tenant = B }, Version = 0 }));
        Ok(await Call(retention, nameof(IRetentionStore.AddHoldAsync)).AddHoldAsync(a.Hold with { Tenant = B, Target = HoldTarget.ForItem(a.Item.Id) }));

        var interactions = services.GetRequiredService<IInteractionStore>();
        Failed(await Call(interactions, nameof(IInteractionStore.SaveAsync)).SaveAsync(a.Interaction with { Tenant = B, Case = CaseId.Parse("case-b") }));
        Ok(await interactions.SaveAsync(a.Interaction with { Tenant = B, Version = 0 }));

        var artefacts = services.GetRequiredService<IArtefactStore>();
        Failed(await Call(artefacts, nameof(IArtefactStore.SaveAsync)).SaveAsync(a.Artefact with { Tenant = B, DisposedAt = later, DisposedBecause = DisposalReason.Request }));
        Ok(await artefacts.SaveAsync(a.Artefact with { Tenant = B, Version = 0 }));

        var deletions = services.GetRequiredService<IDeletionRequestStore>();
        Failed(await Call(deletions, nameof(IDeletionRequestStore.SaveAsync)).SaveAsync(a.Deletion with { Tenant = B, State = DeletionRequestState.Authorised }));
        Ok(await deletions.SaveAsync(a.Deletion with { Tenant = B, Version = 0 }));
    }

    // A tenant's session of recording rec-1 at version 2 (started, then ended), with the event that ended it.
    private static AuditEntry RecordingAudit(RecordingSession session) => new()
    {
        Tenant = session.Tenant, OccurredAt = session.LastChangedAt, Actor = Officer, Action = "recording.changed", Resource = ResourceRef.Recording(session.Id),
    };

    private static (RecordingSession Session, RecordedEvent Event) Session(TenantId tenant)
    {
        var caller = new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.UnitedKingdom);
        var started = new InteractionStarted(EventId.Parse("started"), tenant, Recording, Channel.VoiceCall, RecordingPolicy.Default, [caller], false);
        var ended = new InteractionEnded(EventId.Parse("ended"));
        var endedAt = Start.Plus(Duration.FromMinutes(5));
        var session = RecordingLifecycle.Apply(RecordingLifecycle.Begin(started, Start).Value, ended, endedAt).Value;
        return (session, new RecordedEvent(session.Version, endedAt, ended));
    }

    // Every row of tenant A in every ContactKit table, as text, in key order.
    private async Task<Dictionary<string, List<string>>> RowsOfTenantAAsync()
    {
        using var context = Database.NewContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entity in ContactKitTables(context.Model))
        {
            var table = entity.GetTableName()!;
            var key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()));
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The table and column names come from the model, not from input.
            command.CommandText = $"SELECT * FROM {table} WHERE tenant = @tenant ORDER BY {key}";
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@tenant";
            parameter.Value = A.Value;
            command.Parameters.Add(parameter);
            var list = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    list.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Text(reader, i)}")));
                }
            }

            rows[table] = list;
        }

        return rows;
    }

    private static string Text(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? "null" : Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture) ?? string.Empty;

    private T Call<T>(T store, string method)
        where T : class
    {
        if (!_called.TryGetValue(typeof(T), out var methods))
        {
            _called[typeof(T)] = methods = new HashSet<string>(StringComparer.Ordinal);
        }

        methods.Add(method);
        return store;
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.IsFailure ? result.Error.ToString() : null);
        return result.Value;
    }

    private static void NotFound<T>(Result<T> result) => Assert.Equal(ErrorCodes.NotFound, result.Error?.Code);

    private static void Failed<T>(Result<T> result) => Assert.True(result.IsFailure, $"A write by tenant B aimed at tenant A's {typeof(T).Name} succeeded.");

    private sealed record Written(
        AuditEntry Audit,
        RecordingSession Session,
        ConsentRecord Consent,
        RightsRequest Rights,
        StoredRetainedItem Item,
        LegalHold Hold,
        InteractionRecord Interaction,
        StoredArtefact Artefact,
        DeletionRequest Deletion,
        MarketingPreferences Preferences);
}

public sealed class SqliteTenantIsolationTests(SqliteDatabase database) : TenantIsolationTests, IClassFixture<SqliteDatabase>
{
    protected override TestDatabase Database => database;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTenantIsolationTests(PostgresFixture postgres) : TenantIsolationTests
{
    protected override TestDatabase Database => postgres.Database(nameof(PostgresTenantIsolationTests));
}
