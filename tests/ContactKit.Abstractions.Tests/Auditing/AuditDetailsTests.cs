using System.Text.Json;
using CsCheck;
using NodaTime;

namespace ContactKit.Abstractions.Tests.Auditing;

public class AuditDetailsTests
{
    private static AuditEntry Entry(IReadOnlyDictionary<string, string> details) => new()
    {
        Tenant = TenantId.Parse("council"),
        OccurredAt = Instant.FromUtc(2026, 11, 23, 10, 0),
        Actor = ActorId.Parse("sweep"),
        Action = "retention.disposed",
        Resource = ResourceRef.RetainedItem(RetainedItemId.Parse("item-1")),
        Details = details,
    };

    [Fact]
    public void Of_PairsInAnyOrder_AreReadSortedByNameAndLookedUpByName()
    {
        var details = AuditDetails.Of(new("rule", "recordings"), new("due_at", "2026-09-02T09:00:00Z"), new("action", "delete"));

        Assert.Equal(["action", "due_at", "rule"], details.Keys);
        Assert.Equal("recordings", details["rule"]);
        Assert.True(details.ContainsKey("due_at"));
        Assert.False(details.TryGetValue("Rule", out _)); // names are compared ordinally
        Assert.Throws<KeyNotFoundException>(() => details["worker"]);
    }

    [Fact]
    public void Of_ANameGivenTwice_IsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => AuditDetails.Of(new("rule", "a"), new("rule", "b")));

        Assert.Equal("details", refused.ParamName);
    }

    [Fact]
    public void Details_FromAnyDictionary_EqualTheSamePairsBuiltWithOfAndSurviveJson()
    {
        Gen.Dictionary(Gen.String[Gen.Char.AlphaNumeric, 1, 8], Gen.String[0, 12])[0, 8].Sample(pairs =>
        {
            var fromDictionary = Entry(pairs);
            var fromPairs = Entry(AuditDetails.Of([.. pairs]));

            Assert.Equal(fromDictionary, fromPairs);
            Assert.Equal(pairs.Keys.Order(StringComparer.Ordinal), fromPairs.Details.Keys);
            Assert.All(pairs, pair => Assert.Equal(pair.Value, fromPairs.Details[pair.Key]));
            var back = JsonSerializer.Deserialize<AuditEntry>(JsonSerializer.Serialize(fromPairs, ContactKitJson.Options), ContactKitJson.Options);
            Assert.Equal(fromPairs, back);
        });
    }
}
