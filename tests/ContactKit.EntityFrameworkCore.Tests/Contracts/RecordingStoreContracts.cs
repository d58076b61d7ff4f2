using Microsoft.Extensions.DependencyInjection;
using ContactKit.Recording;
using ContactKit.Testing.Conformance;

namespace ContactKit.EntityFrameworkCore.Tests;

public sealed class SqliteRecordingStoreContractTests(SqliteDatabase database) : RecordingStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IAuditTrail AuditTrail => database.Services.GetRequiredService<IAuditTrail>();

    protected override IRecordingStore CreateStore() => database.Fresh<IRecordingStore>();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRecordingStoreContractTests(PostgresFixture postgres) : RecordingStoreContractTests
{
    protected override IAuditTrail AuditTrail => postgres.Database(nameof(PostgresRecordingStoreContractTests)).Services.GetRequiredService<IAuditTrail>();

    protected override IRecordingStore CreateStore() => postgres.Database(nameof(PostgresRecordingStoreContractTests)).Fresh<IRecordingStore>();
}
