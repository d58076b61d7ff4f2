using ContactKit.Interactions;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteDeletionRequestStoreContractTests(SqliteDatabase database) : DeletionRequestStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IDeletionRequestStore CreateStore() => database.Fresh<IDeletionRequestStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeletionRequestStoreContractTests(PostgresFixture postgres) : DeletionRequestStoreContractTests
{
    protected override IDeletionRequestStore CreateStore() => postgres.Database(nameof(PostgresDeletionRequestStoreContractTests)).Fresh<IDeletionRequestStore>();
}
