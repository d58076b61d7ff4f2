using ContactKit.Interactions;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContactKit.Hosting.Tests.Alerts;

public sealed class InteractionAlertsTests
{
    private static readonly TenantId Council = TenantId.Parse("council");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CardDataSeen_WithHosting_IsRaisedAsAComplianceAlertWhateverTheOrderOfRegistration(bool hostingFirst)
    {
        var raised = new List<ComplianceAlert>();
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(Instant.FromUtc(2026, 3, 2, 9, 0)));
        var builder = services.AddContactKit();
        if (hostingFirst)
        {
            builder.AddHosting().AddInteractions();
        }
        else
        {
            builder.AddInteractions().AddHosting();
        }

        services.AddSingleton<IComplianceAlerts>(new CollectingAlerts(raised));
        using var provider = services.BuildServiceProvider();
        var at = Instant.FromUtc(2026, 6, 30, 23, 30); // already 1 July in London

        await provider.GetRequiredService<IInteractionAlerts>().CardDataSeenAsync(
            new CardDataSighting(Council, InteractionId.Parse("chat-1"), RecordingId.Parse("rec-chat"), 2, at));

        var alert = Assert.Single(raised);
        Assert.Equal(ComplianceAlertKind.CardDataSeenOutsidePause, alert.Kind);
        Assert.Equal("chat-1/rec-chat", alert.Reference);
        Assert.Equal(new LocalDate(2026, 7, 1), alert.DueOn);
        Assert.Equal(at, alert.RaisedAt);
    }

    private sealed class CollectingAlerts(List<ComplianceAlert> raised) : IComplianceAlerts
    {
        public ValueTask RaiseAsync(ComplianceAlert alert, CancellationToken cancellationToken = default)
        {
            raised.Add(alert);
            return ValueTask.CompletedTask;
        }
    }
}
