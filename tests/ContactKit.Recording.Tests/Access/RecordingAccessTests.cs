using ContactKit.Auditing;
using ContactKit.Recording;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.Access;

public class RecordingAccessTests
{
    private static readonly ActorId Reviewer = ActorId.Parse("reviewer-3");

    private static ServiceProvider Build(Action<RecordingOptions>? configure = null)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(T0));
        services.AddContactKit().AddRecording(o =>
        {
            o.AccessRules.Add(new RecordingAccessRule { Role = "quality_team", Kinds = RecordingAccessKind.Play, Purposes = { "quality_monitoring" } });
            o.AccessRules.Add(new RecordingAccessRule { Role = "dpo", Kinds = RecordingAccessKind.Play | RecordingAccessKind.Export, Purposes = { "legal_obligation" } });
            configure?.Invoke(o);
        }).UseInMemoryStores();
        return services.BuildServiceProvider();
    }

    private static RecordingAccessRequest Request(string role, RecordingAccessKind kind, Purpose purpose, string? need = "complaint C-101") =>
        new(Tenant, CallRecording, Reviewer, role, kind, purpose, need);

    [Theory]
    [InlineData("quality_team", RecordingAccessKind.Play, "quality_monitoring", true)] // named role, use and purpose
    [InlineData("quality_team", RecordingAccessKind.Download, "quality_monitoring", false)] // the role may listen but not take a copy
    [InlineData("quality_team", RecordingAccessKind.Play, "marketing", false)] // the purpose is not granted to the role
    [InlineData("dpo", RecordingAccessKind.Export, "legal_obligation", true)] // a copy for a participant who asked for one
    [InlineData("agent", RecordingAccessKind.Play, "quality_monitoring", false)] // anyone not named is refused
    [InlineData("QUALITY_TEAM", RecordingAccessKind.Play, "quality_monitoring", false)] // roles match exactly
    public void Decide_DefaultPolicy_GrantsOnlyWhatARuleNames(string role, RecordingAccessKind kind, string purpose, bool granted)
    {
        using var provider = Build();
        var policy = provider.GetRequiredService<IRecordingAccessPolicy>();

        var decision = policy.Decide(Request(role, kind, Purpose.Parse(purpose)));

        Assert.Equal(granted, decision.IsGranted);
        Assert.Equal(granted ? null : RecordingErrorCodes.AccessDenied, decision.Refusal?.Code);
    }

    [Theory]
    [InlineData(null)] // no business need at all
    [InlineData("  ")] // blank text is not a business need
    public void Decide_NoBusinessNeed_IsRefusedEvenForANamedRole(string? need)
    {
        using var provider = Build();

        var decision = provider.GetRequiredService<IRecordingAccessPolicy>().Decide(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring, need));

        Assert.Equal(RecordingErrorCodes.BusinessNeedRequired, decision.Refusal?.Code);
    }

    [Fact]
    public void Decide_TenantWithItsOwnPlan_UsesOnlyItsRules()
    {
        using var provider = Build(o => o.Tenants[Tenant.Value] = new RecordingPlanOptions());

        var decision = provider.GetRequiredService<IRecordingAccessPolicy>().Decide(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring));

        Assert.Equal(RecordingErrorCodes.AccessDenied, decision.Refusal?.Code);
    }

    [Fact]
    public async Task AuthoriseAsync_GrantedAndDenied_AreBothAudited()
    {
        using var provider = Build();
        await StoreAsync(provider.GetRequiredService<IRecordingStore>(), Begin());
        var service = provider.GetRequiredService<RecordingAccessService>();

        var granted = await service.AuthoriseAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring));
        var denied = await service.AuthoriseAsync(Request("agent", RecordingAccessKind.Download, Purpose.QualityMonitoring));

        var entries = await ReadAsync(provider.GetRequiredService<IAuditTrail>());
        Assert.True(granted.IsGranted);
        Assert.False(denied.IsGranted);
        Assert.Equal(["recording.access_granted", "recording.access_denied"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(ResourceRef.Recording(CallRecording), e.Resource));
        Assert.Equal("complaint C-101", entries[0].Reason);
        Assert.Equal(RecordingErrorCodes.AccessDenied, entries[1].Details["code"]);
        Assert.Equal("Download", entries[1].Details["kind"]);
    }

    [Fact]
    public async Task AuthoriseAsync_DeletedRecording_IsRefusedAndAudited()
    {
        using var provider = Build();
        var deleted = Capturing().Then(End()).Then(Stored()).Then(RequestDeletion()).Then(Authorise()).Then(Dispose());
        await StoreAsync(provider.GetRequiredService<IRecordingStore>(), deleted);

        var decision = await provider.GetRequiredService<RecordingAccessService>().AuthoriseAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring));

        Assert.Equal(RecordingErrorCodes.RecordingDeleted, decision.Refusal?.Code);
        Assert.Equal("recording.access_denied", Assert.Single(await ReadAsync(provider.GetRequiredService<IAuditTrail>())).Action);
    }

    [Fact]
    public async Task AuthoriseAsync_UnknownRecording_IsRefusedAsNotFound()
    {
        using var provider = Build();

        var decision = await provider.GetRequiredService<RecordingAccessService>().AuthoriseAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring));

        Assert.Equal(ErrorCodes.NotFound, decision.Refusal?.Code);
    }

    [Fact]
    public async Task OpenAsync_Granted_ReadsTheMediaAndDeniedReadsNothing()
    {
        using var provider = Build();
        await StoreAsync(provider.GetRequiredService<IRecordingStore>(), Begin());
        var media = (await provider.GetRequiredService<IRecordingMediaStore>().PutAsync(Tenant, CallRecording, MediaKind.Audio, new MemoryStream([9, 8, 7]))).Value;
        var service = provider.GetRequiredService<RecordingAccessService>();

        var granted = await service.OpenAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring), media.Location);
        var denied = await service.OpenAsync(Request("agent", RecordingAccessKind.Play, Purpose.QualityMonitoring), media.Location);

        await using var stream = granted.Value;
        Assert.Equal(3, stream.Length);
        Assert.Equal(RecordingErrorCodes.AccessDenied, denied.Error?.Code);
    }

    private static async Task<List<AuditEntry>> ReadAsync(IAuditTrail trail)
    {
        var list = new List<AuditEntry>();
        await foreach (var entry in trail.ReadByTenantAsync(Tenant))
        {
            list.Add(entry);
        }

        return list;
    }
}
