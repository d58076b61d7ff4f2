using ContactKit.Interactions;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteInteractionStoreContractTests(SqliteDatabase database) : InteractionStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IInteractionStore CreateStore() => database.Fresh<IInteractionStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresInteractionStoreContractTests(PostgresFixture postgres) : InteractionStoreContractTests
{
    protected override IInteractionStore CreateStore() => postgres.Database(nameof(PostgresInteractionStoreContractTests)).Fresh<IInteractionStore>();
}
