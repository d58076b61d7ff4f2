using ContactKit;
using ContactKit.Consent;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Consent.Tests.Notices;

public class PrivacyNoticePublisherTests
{
    private static readonly TenantId Dublin = TenantId.Parse("dublin-office");

    [Fact]
    public async Task PublishAsync_ShortNoticeWithGrounds_IsAuditedWithTheGroundsAndApprover()
    {
        var clock = FakeClocks.AtUtc(2026, 3, 2, 9);
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddConsent().UseInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        var publisher = provider.GetRequiredService<PrivacyNoticePublisher>();
        var history = PrivacyNoticeHistory.Create(Dublin, PrivacyNoticeId.Parse("notice"), "en-IE").Value;
        history = (await publisher.PublishAsync(history, PrivacyNoticeHistoryTests.Draft(), clock.GetCurrentInstant(), ActorId.Parse("dpo"))).Value;
        var grounds = new LegalGroundsOverride("Court order of 1 March", ActorId.Parse("general-counsel"));

        var refused = await publisher.PublishAsync(history, PrivacyNoticeHistoryTests.Draft("v2"), clock.GetCurrentInstant().Plus(Duration.FromDays(3)), ActorId.Parse("dpo"));
        var published = await publisher.PublishAsync(history, PrivacyNoticeHistoryTests.Draft("v2"), clock.GetCurrentInstant().Plus(Duration.FromDays(3)), ActorId.Parse("dpo"), grounds);

        Assert.Equal(ConsentErrorCodes.NoticePeriodTooShort, refused.Error?.Code);
        Assert.Equal(grounds, published.Value.Versions[1].ShortNoticeOverride);
        var entries = new List<AuditEntry>();
        await foreach (var entry in provider.GetRequiredService<IAuditTrail>().ReadByTenantAsync(Dublin))
        {
            entries.Add(entry);
        }

        Assert.Equal(["notice.published", "notice.published_short_notice"], entries.Select(e => e.Action));
        Assert.Equal("general-counsel", entries[1].Details["short_notice_approved_by"]);
        Assert.Equal(published.Value.Versions[1].ContentHash, entries[1].Details["content_hash"]);
    }
}
