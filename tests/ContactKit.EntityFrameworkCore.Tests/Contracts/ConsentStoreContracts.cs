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

public sealed class SqliteMarketingPreferenceStoreContractTests(SqliteDatabase database) : MarketingPreferenceStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override int GeneratedSequences => 200;

    protected override IMarketingPreferenceStore CreateStore() => database.Fresh<IMarketingPreferenceStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMarketingPreferenceStoreContractTests(PostgresFixture postgres) : MarketingPreferenceStoreContractTests
{
    protected override int GeneratedSequences => 200;

    protected override IMarketingPreferenceStore CreateStore() => postgres.Database(nameof(PostgresMarketingPreferenceStoreContractTests)).Fresh<IMarketingPreferenceStore>();
}

public sealed class SqliteCallingListScreeningStoreContractTests(SqliteDatabase database) : CallingListScreeningStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override int GeneratedSequences => 200;

    protected override ICallingListScreeningStore CreateStore() => database.Fresh<ICallingListScreeningStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCallingListScreeningStoreContractTests(PostgresFixture postgres) : CallingListScreeningStoreContractTests
{
    protected override int GeneratedSequences => 200;

    protected override ICallingListScreeningStore CreateStore() => postgres.Database(nameof(PostgresCallingListScreeningStoreContractTests)).Fresh<ICallingListScreeningStore>();
}
