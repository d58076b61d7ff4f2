using ContactKit.Interactions;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteArtefactStoreContractTests(SqliteDatabase database) : ArtefactStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IArtefactStore CreateStore() => database.Fresh<IArtefactStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresArtefactStoreContractTests(PostgresFixture postgres) : ArtefactStoreContractTests
{
    protected override IArtefactStore CreateStore() => postgres.Database(nameof(PostgresArtefactStoreContractTests)).Fresh<IArtefactStore>();
}
