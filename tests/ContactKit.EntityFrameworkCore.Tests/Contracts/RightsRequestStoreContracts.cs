using ContactKit.DataSubjects;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteRightsRequestStoreContractTests(SqliteDatabase database) : RightsRequestStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IRightsRequestStore CreateStore() => database.Fresh<IRightsRequestStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRightsRequestStoreContractTests(PostgresFixture postgres) : RightsRequestStoreContractTests
{
    protected override IRightsRequestStore CreateStore() => postgres.Database(nameof(PostgresRightsRequestStoreContractTests)).Fresh<IRightsRequestStore>();
}
