using Microsoft.Extensions.DependencyInjection;
using ContactKit.Retention;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteRetentionStoreContractTests(SqliteDatabase database) : RetentionStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IAuditTrail AuditTrail => database.Services.GetRequiredService<IAuditTrail>();

    protected override IRetentionStore CreateStore() => database.Fresh<IRetentionStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionStoreContractTests(PostgresFixture postgres) : RetentionStoreContractTests
{
    protected override IAuditTrail AuditTrail => postgres.Database(nameof(PostgresRetentionStoreContractTests)).Services.GetRequiredService<IAuditTrail>();

    protected override IRetentionStore CreateStore() => postgres.Database(nameof(PostgresRetentionStoreContractTests)).Fresh<IRetentionStore>();
}

/// <summary>Ids are listed in ordinal order, as the ids compare, whatever collation the database was created with.</summary>
public abstract class RetentionStoreOrderTests
{
    protected abstract IRetentionStore CreateStore();

    [SkippableFact]
    public async Task ReadAllAsync_IdsDifferingInCaseAndPunctuation_AreInOrdinalOrder()
    {
        var store = CreateStore();
        var tenant = TenantId.Parse("tenant-a");
        string[] ids = ["ab", "a-b", "B", "b", "a.c", "A", "a_b", "a1"];
        foreach (var id in ids)
        {
            var item = new RetainedItem { Tenant = tenant, Id = RetainedItemId.Parse(id), RecordClass = RecordClass.CallRecording, CreatedAt = NodaTime.Instant.FromUtc(2026, 3, 2, 9, 0) };
            await store.SaveAsync(new StoredRetainedItem { Item = item });
        }

        var read = new List<string>();
        await foreach (var item in store.ReadAllAsync(tenant))
        {
            read.Add(item.Id.Value);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), read);
    }
}

public sealed class SqliteRetentionStoreOrderTests(SqliteDatabase database) : RetentionStoreOrderTests, IClassFixture<SqliteDatabase>
{
    protected override IRetentionStore CreateStore() => database.Fresh<IRetentionStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionStoreOrderTests(PostgresFixture postgres) : RetentionStoreOrderTests
{
    protected override IRetentionStore CreateStore() => postgres.Database(nameof(PostgresRetentionStoreOrderTests)).Fresh<IRetentionStore>();
}
