using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteAuditTrailContractTests(SqliteDatabase database) : AuditTrailContractTests, IClassFixture<SqliteDatabase>
{
    protected override IAuditTrail CreateTrail() => database.Fresh<IAuditTrail>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditTrailContractTests(PostgresFixture postgres) : AuditTrailContractTests
{
    protected override IAuditTrail CreateTrail() => postgres.Database(nameof(PostgresAuditTrailContractTests)).Fresh<IAuditTrail>();
}
