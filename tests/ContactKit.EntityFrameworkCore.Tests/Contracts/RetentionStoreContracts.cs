using ContactKit.Retention;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteRetentionStoreContractTests(SqliteDatabase database) : RetentionStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IRetentionStore CreateStore() => database.Fresh<IRetentionStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRetentionStoreContractTests(PostgresFixture postgres) : RetentionStoreContractTests
{
    protected override IRetentionStore CreateStore() => postgres.Database(nameof(PostgresRetentionStoreContractTests)).Fresh<IRetentionStore>();
}
