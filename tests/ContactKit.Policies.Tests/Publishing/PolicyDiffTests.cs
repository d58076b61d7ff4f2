using ContactKit.Consent;
using NodaTime;
using Xunit;

namespace ContactKit.Policies.Tests.Publishing;

public sealed class PolicyDiffTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    [Fact]
    public void The_same_policy_has_no_changes()
    {
        var policy = PolicyLoader.Load(SamplePolicies.CouncilJson).Document!;
        Assert.Empty(PolicyDiff.Compare(policy, PolicyLoader.Load(SamplePolicies.CouncilJson).Document!));
    }

    [Fact]
    public void A_longer_retention_period_is_worded_with_both_periods_and_its_path()
    {
        var old = PolicyLoader.Load(SamplePolicies.CouncilJson).Document!;
        var next = old with { Retention = [old.Retention[0] with { Period = Period.FromMonths(12) }, old.Retention[1]] };

        var change = Assert.Single(PolicyDiff.Compare(old, next));

        Assert.Equal(NoticeSectionId.Retention, change.Section);
        Assert.Equal(PolicyChangeKind.Changed, change.Kind);
        Assert.Equal("$.retention[0].period", change.Path);
        Assert.Equal("Call recording records are now kept 12 months instead of 6 months.", change.Description);
    }

    [Fact]
    public void A_new_processor_and_a_lost_opt_out_route_are_reported_in_section_order()
    {
        var old = PolicyLoader.Load(SamplePolicies.CouncilJson).Document!;
        var next = old with
        {
            Processors = [.. old.Processors, new ProcessorEntry { Name = "VoiceSkill", Receives = ["contact.phone", "media.call_recording"] }],
            Marketing = old.Marketing! with { OptOut = [] },
        };

        var changes = PolicyDiff.Compare(old, next);

        Assert.Collection(
            changes,
            c =>
            {
                Assert.Equal((NoticeSectionId.Sharing, PolicyChangeKind.Added, "$.processors[1]"), (c.Section, c.Kind, c.Path));
                Assert.Equal("A new processor, VoiceSkill, receives contact phone and media call recording.", c.Description);
            },
            c =>
            {
                Assert.Equal((NoticeSectionId.Marketing, PolicyChangeKind.Removed, "$.marketing.opt_out[0]"), (c.Section, c.Kind, c.Path));
                Assert.StartsWith("You can no longer stop marketing by", c.Description, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Chats_run_for_a_client_say_that_rights_requests_about_them_now_go_to_the_client()
    {
        var old = PolicyLoader.Load(SamplePolicies.CouncilJson).Document!;
        var next = old with
        {
            Roles = [.. old.Roles, new RoleStatement { Role = ContactKit.ProcessingRole.Processor, Scope = "webchats we run for housing associations", Channels = [ContactKit.Channel.Webchat] }],
        };

        var changes = PolicyDiff.Compare(old, next);
        var back = PolicyDiff.Compare(next, old);

        Assert.Equal(
            [
                (NoticeSectionId.WhoWeAre, PolicyChangeKind.Added, "$.roles[1]", "We now act as a processor, acting on our clients' instructions for webchats we run for housing associations."),
                (NoticeSectionId.Rights, PolicyChangeKind.Added, "$.roles[1].channels[0]", "Requests about your information from webchats are now passed to the client we run that service for, who decides them."),
            ],
            changes.Select(c => (c.Section, c.Kind, c.Path, c.Description)));
        Assert.Contains(back, c => c.Kind == PolicyChangeKind.Removed && c.Path == "$.roles[1].channels[0]" && c.Description == "We now answer requests about your information from webchats ourselves, instead of passing them to a client.");
    }

    [Fact]
    public void Removed_categories_point_at_the_old_document_and_added_ones_at_the_new()
    {
        var old = PolicyLoader.Load(SamplePolicies.CouncilJson).Document!;
        var next = old with { Categories = [.. old.Categories.RemoveAt(0), new CategoryEntry { Category = "contact.email", Purposes = ["service_delivery"] }] };

        var changes = PolicyDiff.Compare(old, next);

        Assert.Contains(changes, c => c.Kind == PolicyChangeKind.Removed && c.Path == "$.categories[0]" && c.Description == "We no longer collect contact phone.");
        Assert.Contains(changes, c => c.Kind == PolicyChangeKind.Added && c.Path == "$.categories[3]" && c.Description == "We now collect contact email for service delivery.");
    }

    [Fact]
    public void A_changed_policy_is_published_as_the_next_notice_version_under_the_notice_rule()
    {
        var old = PolicyLoader.Load(SamplePolicies.CouncilJson).Document!;
        var next = old with { Retention = [old.Retention[0] with { Period = Period.FromMonths(12) }, old.Retention[1]] };
        var history = PrivacyNoticeHistory.Create(TenantId.Parse("example-council"), PrivacyNoticeId.Parse("contact-centre"), "en-GB").Value;
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        history = history.Publish(PolicyPublishing.Draft(old), start, start, Period.FromDays(30), London).Value;
        var publishedAt = Instant.FromUtc(2026, 3, 1, 12, 0);

        var tooSoon = PolicyPublishing.Publish(history, old, next, publishedAt, publishedAt.Plus(Duration.FromDays(10)), London);
        Assert.Equal(ConsentErrorCodes.NoticePeriodTooShort, tooSoon.Error!.Code);

        var withGrounds = PolicyPublishing.Publish(history, old, next, publishedAt, publishedAt.Plus(Duration.FromDays(10)), London, new LegalGroundsOverride("a court order", ActorId.Parse("dpo")));
        Assert.True(withGrounds.IsSuccess);

        var published = PolicyPublishing.Publish(history, old, next, publishedAt, publishedAt.Plus(Duration.FromDays(31)), London).Value;
        Assert.Equal(2, published.Version.Version);
        Assert.Single(published.Changes);
        Assert.Contains(published.Version.Content.Sections, s => s.Body.Contains("12 months", StringComparison.Ordinal));
        Assert.NotEqual(history.Versions[0].ContentHash, published.Version.ContentHash);
    }
}
