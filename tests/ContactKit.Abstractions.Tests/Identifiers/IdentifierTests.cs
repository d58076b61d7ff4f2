using System.Text.Json;
using ContactKit;
using CsCheck;

namespace ContactKit.Abstractions.Tests.Identifiers;

public class IdentifierTests
{
    private const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:";

    // Valid id text: a letter or digit, then up to 127 characters from the allowed set.
    private static readonly Gen<string> ValidText =
        Gen.Select(Gen.Char[Allowed[..62]], Gen.String[Gen.Char[Allowed], 0, 127], (first, rest) => first + rest);

    public static TheoryData<string> IdTypes => new()
    {
        nameof(TenantId), nameof(InteractionId), nameof(RecordingId), nameof(DataSubjectId), nameof(RightsRequestId),
        nameof(ConsentRecordId), nameof(PrivacyNoticeId), nameof(PartyId), nameof(EventId), nameof(CaseId),
        nameof(LegalHoldId), nameof(RetainedItemId), nameof(ActorId), nameof(CorrelationId),
    };

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void ParseFormatJson_AnyValidText_RoundTrips(string type) => ForType(type, new RoundTrip());

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void Parse_AnyText_EitherSucceedsOrThrowsOnlyTheDocumentedError(string type) => ForType(type, new AnyText());

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void CompareTo_AnyTwoIds_AgreesWithOrdinalOrderOfTheirText(string type) => ForType(type, new Ordering());

    [Theory]
    [InlineData("", "must not be empty")]                 // nothing typed
    [InlineData("-leading-hyphen", "must start with")]    // ids must start with a letter or digit
    [InlineData("has space", "may hold only")]            // spaces would break URLs and logs
    [InlineData("caf\u00e9", "may hold only")]             // non-ASCII letters are refused, not normalised
    [InlineData("x/../y", "may hold only")]               // path separators could escape storage folders
    public void Parse_MalformedText_FailsWithCk0001NamingTheRule(string text, string rule)
    {
        var ex = Assert.Throws<ContactKitFormatException>(() => TenantId.Parse(text));

        Assert.Equal(ErrorCodes.InvalidId, ex.Error.Code);
        Assert.Contains(rule, ex.Error.Message, StringComparison.Ordinal);
        Assert.Equal("tenant id", ex.Error.Field);
        Assert.False(TenantId.TryParse(text, out _));
    }

    [Fact]
    public void Parse_TextLongerThan128_FailsWithCk0001()
    {
        var result = Identifier.Parse<RecordingId>(new string('a', 129));

        Assert.Equal(ErrorCodes.InvalidId, result.Error?.Code);
        Assert.Contains("at most 128", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_MalformedId_ThrowsJsonExceptionCarryingTheCode()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"bad id\"", typeof(TenantId), ContactKitJson.Options));

        Assert.Contains("CK0001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IdsAsDictionaryKeys_RoundTrip()
    {
        var original = new Dictionary<TenantId, string> { [TenantId.Parse("a")] = "one", [TenantId.Parse("b")] = "two" };
        var options = new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

        var json = JsonSerializer.Serialize(original, options);
        var back = JsonSerializer.Deserialize<Dictionary<TenantId, string>>(json, options);

        Assert.Equal("{\"a\":\"one\",\"b\":\"two\"}", json);
        Assert.Equal(original, back);
    }

    [Fact]
    public void New_CalledAMillisecondApart_GivesDistinctValidIdsThatSortByCreation()
    {
        var first = RecordingId.New();
        Thread.Sleep(2);
        var second = RecordingId.New();

        Assert.NotEqual(first, second);
        Assert.True(RecordingId.TryParse(first.Value, out _));
        Assert.True(first.CompareTo(second) < 0);
    }

    private static void ForType(string type, IIdCheck check)
    {
        switch (type)
        {
            case nameof(TenantId): check.Run<TenantId>(); break;
            case nameof(InteractionId): check.Run<InteractionId>(); break;
            case nameof(RecordingId): check.Run<RecordingId>(); break;
            case nameof(DataSubjectId): check.Run<DataSubjectId>(); break;
            case nameof(RightsRequestId): check.Run<RightsRequestId>(); break;
            case nameof(ConsentRecordId): check.Run<ConsentRecordId>(); break;
            case nameof(PrivacyNoticeId): check.Run<PrivacyNoticeId>(); break;
            case nameof(PartyId): check.Run<PartyId>(); break;
            case nameof(EventId): check.Run<EventId>(); break;
            case nameof(CaseId): check.Run<CaseId>(); break;
            case nameof(LegalHoldId): check.Run<LegalHoldId>(); break;
            case nameof(RetainedItemId): check.Run<RetainedItemId>(); break;
            case nameof(ActorId): check.Run<ActorId>(); break;
            case nameof(CorrelationId): check.Run<CorrelationId>(); break;
            default: throw new ArgumentOutOfRangeException(nameof(type), type, "Add the id type to ForType.");
        }
    }

    private interface IIdCheck
    {
        void Run<TId>()
            where TId : struct, IContactKitId<TId>;
    }

    private sealed class RoundTrip : IIdCheck
    {
        public void Run<TId>()
            where TId : struct, IContactKitId<TId> =>
            ValidText.Sample(text =>
            {
                var id = TId.Parse(text, null);
                Assert.Equal(text, id.ToString());
                Assert.Equal(id, TId.Parse(id.ToString()!, null));
                Span<char> buffer = stackalloc char[128];
                Assert.True(id.TryFormat(buffer, out var written, default, null));
                Assert.Equal(text, buffer[..written].ToString());
                var json = JsonSerializer.Serialize(id, typeof(TId), ContactKitJson.Options);
                Assert.Equal(id, (TId)JsonSerializer.Deserialize(json, typeof(TId), ContactKitJson.Options)!);
            });
    }

    private sealed class AnyText : IIdCheck
    {
        public void Run<TId>()
            where TId : struct, IContactKitId<TId> =>
            Gen.String.Sample(text =>
            {
                var valid = TId.TryParse(text, null, out var id);
                try
                {
                    Assert.Equal(id, TId.Parse(text, null));
                    Assert.True(valid);
                }
                catch (ContactKitFormatException ex)
                {
                    Assert.False(valid);
                    Assert.Equal(ErrorCodes.InvalidId, ex.Error.Code);
                }
            });
    }

    private sealed class Ordering : IIdCheck
    {
        public void Run<TId>()
            where TId : struct, IContactKitId<TId> =>
            Gen.Select(ValidText, ValidText).Sample((a, b) =>
            {
                var left = TId.Parse(a, null);
                var right = TId.Parse(b, null);
                Assert.Equal(Math.Sign(string.CompareOrdinal(a, b)), Math.Sign(left.CompareTo(right)));
                Assert.Equal(a == b, left.Equals(right));
            });
    }
}
