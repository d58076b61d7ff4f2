using System.Text.Json;
using ContactKit;

namespace ContactKit.Abstractions.Tests.Errors;

public class ErrorsAndResultsTests
{
    [Theory]
    [InlineData("CK1")]     // too few digits
    [InlineData("XX0001")]  // wrong prefix
    [InlineData("ck0001")]  // codes are upper case
    public void ContactKitError_BadCode_IsAProgrammingError(string code) =>
        Assert.Throws<ArgumentException>(() => new ContactKitError(code, "message"));

    [Fact]
    public void ContactKitError_ToString_ShowsCodeMessageAndField()
    {
        var error = new ContactKitError("CK0001", "Bad id.", "tenant");

        Assert.Equal("CK0001: Bad id. (field: tenant)", error.ToString());
        Assert.Equal("CK0001: Bad id.", new ContactKitError("CK0001", "Bad id.").ToString());
        Assert.Equal("parties[1].jurisdiction", error.ForField("parties[1].jurisdiction").Field);
    }

    [Fact]
    public void ContactKitError_Json_RoundTrips()
    {
        var error = new ContactKitError("CK0004", "Wrong tenant.", "tenant");

        var json = JsonSerializer.Serialize(error, ContactKitJson.Options);

        Assert.Equal("{\"code\":\"CK0004\",\"message\":\"Wrong tenant.\",\"field\":\"tenant\"}", json);
        Assert.Equal(error, JsonSerializer.Deserialize<ContactKitError>(json, ContactKitJson.Options));
    }

    [Fact]
    public void CheckTenant_WrongTenant_FailsWithCk0004NamingBothTenants()
    {
        var error = ContactKit.Errors.CheckTenant(TenantId.Parse("council"), TenantId.Parse("bureau"), "recording.tenant");

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.TenantMismatch, error.Code);
        Assert.Equal("recording.tenant", error.Field);
        Assert.Contains("'bureau'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'council'", error.Message, StringComparison.Ordinal);
        Assert.Null(ContactKit.Errors.CheckTenant(TenantId.Parse("council"), TenantId.Parse("council"), "x"));
    }

    [Fact]
    public void Result_Failure_ValueThrowsWithTheRefusal()
    {
        Result<int> refused = new ContactKitError("CK0010", "Not there.");

        var ex = Assert.Throws<ContactKitException>(() => refused.Value);

        Assert.Equal("CK0010", ex.Error.Code);
        Assert.True(refused.IsFailure);
        Assert.False(refused.TryGetValue(out _));
    }

    [Fact]
    public void Result_MapThenAndMatch_PassRefusalsThroughUnchanged()
    {
        Result<int> ok = 2;
        Result<int> refused = new ContactKitError("CK0012", "Missing.");

        Assert.Equal(5, ok.Map(v => v + 1).Then(v => Result<int>.Success(v + 2)).Value);
        Assert.Equal("CK0012", refused.Map(v => v + 1).Then(v => Result<int>.Success(v)).Error?.Code);
        Assert.Equal("ok 2", ok.Match(v => $"ok {v}", e => e.Code));
        Assert.Equal("CK0012", refused.Match(v => $"ok {v}", e => e.Code));
        Assert.Equal(Result<int>.Success(2), ok);
    }
}
