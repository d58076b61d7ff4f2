using ContactKit.Consent;
using ContactKit.Testing;
using ContactKit.Testing.Conformance;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Ledger;

public sealed class InMemoryConsentStoreTests : ConsentStoreContractTests
{
    private static readonly TenantId TenantA = TenantId.Parse("tenant-a");
    private static readonly TenantId TenantB = TenantId.Parse("tenant-b");

    protected override IConsentStore CreateStore() => new InMemoryConsentStore();

    // For generated appends (two subjects, three purposes, two categories, replays, two tenants), after every step the
    // latest record found by the index is the one a scan of the appended records finds, and a replay is never new.
    [Fact]
    public void GetLatestAsync_GeneratedAppends_AgreeWithTheLedgerAfterEveryStep()
    {
        Purpose[] purposes = [Purpose.Marketing, Purpose.Training, Purpose.QualityMonitoring];
        DataCategoryKey[] categories = [DataCategories.Email.Key, DataCategories.Phone.Key];
        string[] subjects = ["alice", "bob"];
        var step = Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1], Gen.Int[1, 7], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[-1, 5]);
        step.Array[1, 8].Sample(steps =>
        {
            var store = CreateStore();
            var appended = new List<ConsentRecord>();
            for (var i = 0; i < steps.Length; i++)
            {
                var (tenant, subject, purposeMask, categoryMask, status, replay) = steps[i];
                var record = replay >= 0 && replay < appended.Count
                    ? appended[replay] with { Sequence = 0 }
                    : Record(tenant == 0 ? TenantA : TenantB, subjects[subject], status == 0 ? ConsentStatus.Given : status == 1 ? ConsentStatus.Withdrawn : ConsentStatus.Refused, i) with
                    {
                        Purposes = [.. purposes.Where((_, p) => (purposeMask & (1 << p)) != 0)],
                        DataCategories = [.. categories.Where((_, c) => (categoryMask & (1 << c)) != 0)],
                    };
                var outcome = store.AppendAsync(record).AsTask().GetAwaiter().GetResult().Value;
                Assert.Equal(replay < 0 || replay >= appended.Count, outcome.IsNew);
                if (outcome.IsNew)
                {
                    appended.Add(outcome.Record);
                }

                foreach (var t in new[] { TenantA, TenantB })
                {
                    foreach (var s in subjects.Select(DataSubjectId.Parse))
                    {
                        foreach (var p in purposes)
                        {
                            foreach (var c in categories.Select(k => (DataCategoryKey?)k).Append(null))
                            {
                                var expected = appended.Where(r => r.Tenant == t && r.Subject == s && r.Covers(p) && (c is not { } key || r.DataCategories.Contains(key)))
                                    .OrderBy(r => r.Sequence).LastOrDefault();
                                var found = store.GetLatestAsync(t, s, p, c).AsTask().GetAwaiter().GetResult();
                                Assert.Equal(expected, found.IsSuccess ? found.Value : null);
                            }
                        }
                    }
                }
            }
        }, iter: 10_000);
    }
}
