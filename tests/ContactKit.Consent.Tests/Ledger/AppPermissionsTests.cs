using ContactKit.Consent;
using NodaTime;

namespace ContactKit.Consent.Tests.Ledger;

public class AppPermissionsTests
{
    private static readonly TenantId Tenant = TenantId.Parse("council");
    private static readonly DataSubjectId Resident = DataSubjectId.Parse("resident-9");
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("skill-notice"), 1, "en-GB", new string('e', 64));
    private static readonly Instant Start = Instant.FromUtc(2026, 4, 1, 12, 0);

    private static ConsentRecord Grant(AppPermission permission, Purpose purpose, int minute, long sequence) =>
        AppPermissions.Grant(Tenant, Resident, "Fen and Marsh Council", "bin-day skill", permission, purpose, Notice, Start.Plus(Duration.FromMinutes(minute))) with { Sequence = sequence };

    [Fact]
    public void Current_GrantedThenOneRevoked_KeepsTheOthers()
    {
        List<ConsentRecord> records =
        [
            Grant(AppPermission.Name, Purpose.ServiceDelivery, 0, 1),
            Grant(AppPermission.Address, Purpose.ServiceDelivery, 0, 2),
            Grant(AppPermission.Email, Purpose.ServiceDelivery, 0, 3),
            AppPermissions.Revoke(Tenant, Resident, "Fen and Marsh Council", "bin-day skill", AppPermission.Email, Purpose.ServiceDelivery, Start.Plus(Duration.FromMinutes(10))) with { Sequence = 4 },
        ];

        var before = AppPermissions.Current(records, Resident, Start.Plus(Duration.FromMinutes(5)));
        var after = AppPermissions.Current(records, Resident, Start.Plus(Duration.FromMinutes(10)));

        Assert.Equal([AppPermission.Name, AppPermission.Address, AppPermission.Email], before.Select(p => p.Permission));
        Assert.Equal([AppPermission.Name, AppPermission.Address], after.Select(p => p.Permission));
        Assert.All(after, p => Assert.Equal("bin-day skill", p.Recipient));
    }

    [Fact]
    public void Current_SamePermissionForTwoPurposes_RevokingOneKeepsTheOther()
    {
        List<ConsentRecord> records =
        [
            Grant(AppPermission.Email, Purpose.ServiceDelivery, 0, 1),
            Grant(AppPermission.Email, Purpose.Marketing, 1, 2),
            AppPermissions.Revoke(Tenant, Resident, "Fen and Marsh Council", "bin-day skill", AppPermission.Email, Purpose.Marketing, Start.Plus(Duration.FromMinutes(2))) with { Sequence = 3 },
        ];

        var current = Assert.Single(AppPermissions.Current(records, Resident, Start.Plus(Duration.FromMinutes(3))));

        Assert.Equal(Purpose.ServiceDelivery, current.Purpose);
    }

    [Fact]
    public void Grant_IsAValidLedgerRecordForTheVoiceAssistant()
    {
        var record = Grant(AppPermission.Address, Purpose.ServiceDelivery, 0, 0);

        Assert.Null(record.Validate());
        Assert.Equal(Channel.VoiceAssistant, record.Channel);
        Assert.Equal(DataCategories.Address.Key, Assert.Single(record.DataCategories));
    }
}
