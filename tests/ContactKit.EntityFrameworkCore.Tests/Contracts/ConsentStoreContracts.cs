using ContactKit.Consent;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteConsentStoreContractTests(SqliteDatabase database) : ConsentStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IConsentStore CreateStore() => database.Fresh<IConsentStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresConsentStoreContractTests(PostgresFixture postgres) : ConsentStoreContractTests
{
    protected override IConsentStore CreateStore() => postgres.Database(nameof(PostgresConsentStoreContractTests)).Fresh<IConsentStore>();
}
