using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ContactKit.Consent;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ContactKit.Benchmarks.EntityFrameworkCore;

/// <summary>
/// A consent ledger of 1,000,000 records (scaled by <see cref="BenchmarkArguments.Scale"/>) in the EF Core store's tables, made by
/// bulk SQL: the first <see cref="SubjectRecords"/> are about <see cref="Subject"/> (marketing consent given, again and
/// again), every other one about a subject of its own. Each row's JSON is the consent contract, written by the consent
/// package's serializer once and repeated with its own id, subject and sequence.
/// </summary>
public static class ConsentLedgerDatabase
{
    /// <summary>The tenant.</summary>
    public static readonly TenantId Tenant = TenantId.Parse("council");

    /// <summary>The subject whose state is looked up and whose records are exported.</summary>
    public static readonly DataSubjectId Subject = DataSubjectId.Parse("caller-1");

    private const string IdMark = "c-xqzidxqz";
    private const string SubjectMark = "xqzsubjectxqz";
    private const long SequenceMark = 987_654_321;

    /// <summary>How many records the ledger holds.</summary>
    public static int Records => BenchmarkArguments.Scaled(1_000_000);

    /// <summary>How many of them are about <see cref="Subject"/>.</summary>
    public static int SubjectRecords => BenchmarkArguments.Scaled(100_000);

    /// <summary>Opens the ledger database on <paramref name="provider"/>, filling it on first use in the run.</summary>
    public static Action<DbContextOptionsBuilder> Open(string provider) =>
        BenchmarkDatabases.Open(provider, string.Create(CultureInfo.InvariantCulture, $"consent-{Records}-{SubjectRecords}"), Fill);

    private static void Fill(DbConnection connection, string provider)
    {
        var template = JsonSerializer.Serialize(
            new ConsentRecord
            {
                Id = ConsentRecordId.Parse(IdMark),
                Tenant = Tenant,
                Subject = DataSubjectId.Parse(SubjectMark),
                Controller = "Example Council",
                Purposes = [Purpose.Marketing],
                Channel = Channel.VoiceCall,
                Status = ConsentStatus.Given,
                Method = ConsentMethod.SpokenAnswer,
                Notice = new NoticeReference(PrivacyNoticeId.Parse("marketing"), 1, "en-GB", new string('a', 64)),
                RecordedAt = Instant.FromUtc(2026, 1, 1, 9, 0),
                Sequence = SequenceMark,
            },
            ConsentJson.Options).Replace("'", "''", StringComparison.Ordinal);
        var sqlite = provider == BenchmarkDatabases.Sqlite;
        var numbers = sqlite
            ? string.Create(CultureInfo.InvariantCulture, $"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {Records}) ")
            : string.Empty;
        var from = sqlite ? "FROM g" : string.Create(CultureInfo.InvariantCulture, $"FROM generate_series(1, {Records}) AS n");
        var id = sqlite ? "'c-' || printf('%07d', n)" : "'c-' || lpad(n::text, 7, '0')";
        var text = sqlite ? "CAST(n AS TEXT)" : "n::text";
        var subject = string.Create(CultureInfo.InvariantCulture, $"CASE WHEN n <= {SubjectRecords} THEN '{Subject.Value}' ELSE 'subject-' || {text} END");

        // Contract version 1: the version of the record JSON the store writes in this release.
        BenchmarkDatabases.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
            {numbers}INSERT INTO contactkit_consent_records (tenant, sequence, id, subject, contract_version, json)
            SELECT '{Tenant.Value}', n, {id}, {subject}, 1,
                   replace(replace(replace('{template}', '{IdMark}', {id}), '{SubjectMark}', {subject}), '{SequenceMark}', {text})
            {from}
            """));
        BenchmarkDatabases.Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
            {numbers}INSERT INTO contactkit_consent_coverage (tenant, subject, purpose, category, sequence)
            SELECT '{Tenant.Value}', {subject}, '{Purpose.Marketing.Value}', '', n
            {from}
            """));
    }
}
