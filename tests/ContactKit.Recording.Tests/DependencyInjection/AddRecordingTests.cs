using System.Text;
using ContactKit;
using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using static ContactKit.Recording.Tests.Calls;

namespace ContactKit.Recording.Tests.DependencyInjection;

public class AddRecordingTests
{
    [Fact]
    public void AddRecording_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().AddRecording().UseInMemoryStores();
        var twice = new ServiceCollection();
        twice.AddContactKit().AddRecording().UseInMemoryStores();
        twice.AddContactKit().AddRecording().UseInMemoryStores();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddRecording_HostPolicyRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRecordingAccessPolicy, DenyAll>();
        services.AddContactKit().AddRecording().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<DenyAll>(provider.GetRequiredService<IRecordingAccessPolicy>());
        Assert.IsType<InMemoryRecordingStore>(provider.GetRequiredService<IRecordingStore>());
        Assert.IsType<InMemoryRecordingMediaStore>(provider.GetRequiredService<IRecordingMediaStore>());
    }

    [Fact]
    public void StartupValidation_SeveralBadSettings_ReportsEveryFailureAtOnceWithCodeAndSetting()
    {
        var services = new ServiceCollection();
        services.AddContactKit().AddRecording(o =>
        {
            o.MaxSecurePause = Duration.Zero;
            o.AccessRules.Add(new RecordingAccessRule { Role = "", Kinds = RecordingAccessKind.Play, Purposes = { "quality_monitoring" } });
            o.AccessRules.Add(new RecordingAccessRule { Role = "qa", Kinds = RecordingAccessKind.None, Purposes = { "Quality Monitoring" } });
            o.Tenants["bad tenant"] = new RecordingPlanOptions();
            o.Tenants["bureau"] = new RecordingPlanOptions { MaxSecurePause = Duration.FromHours(5) };
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = ex.Failures.ToList();
        Assert.All(failures, f => Assert.StartsWith("CK0007: ", f, StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("MaxSecurePause is 0:00:00:00", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AccessRules has a rule without a Role", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("role 'qa' grants no known use", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("role 'qa' needs one or more purpose keys", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("it has ['Quality Monitoring']", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'bad tenant' in Tenants is not a valid tenant id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Tenants[bureau].MaxSecurePause is 0:05:00:00", StringComparison.Ordinal));
        Assert.Equal(6, failures.Count);
    }

    [Fact]
    public void Configuration_AppSettingsSection_BindsTheDefaultPlanTenantPlansAndAccessRules()
    {
        using var provider = BuildFromJson("""
            {
              "ContactKit": {
                "Recording": {
                  "MaxSecurePause": "0:00:08:00",
                  "AccessRules": [
                    { "Role": "quality_team", "Kinds": "Play, Download", "Purposes": [ "quality_monitoring" ] }
                  ],
                  "Tenants": {
                    "reseller-basic": { "RecordingEnabled": false },
                    "bureau": { "CaptureBotPhase": true, "StaffToldByEmployment": false }
                  }
                }
              }
            }
            """);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<RecordingOptions>>().Value;
        var policy = provider.GetRequiredService<IRecordingAccessPolicy>();

        Assert.Equal(RecordingPolicy.Default with { MaxSecurePause = Duration.FromMinutes(8) }, options.PolicyFor(TenantId.Parse("council")));
        Assert.Equal(RecordingPolicy.Default with { RecordingEnabled = false, MaxSecurePause = Duration.FromMinutes(8) }, options.PolicyFor(TenantId.Parse("reseller-basic")));
        Assert.Equal(RecordingPolicy.Default with { CaptureBotPhase = true, StaffToldByEmployment = false, MaxSecurePause = Duration.FromMinutes(8) }, options.PolicyFor(TenantId.Parse("bureau")));
        var rule = Assert.Single(options.AccessRules);
        Assert.Equal(("quality_team", RecordingAccessKind.Play | RecordingAccessKind.Download, "quality_monitoring"), (rule.Role, rule.Kinds, Assert.Single(rule.Purposes)));
        Assert.True(policy.Decide(Access("quality_team", RecordingAccessKind.Download)).IsGranted);
        Assert.False(policy.Decide(Access("quality_team", RecordingAccessKind.Export)).IsGranted);
    }

    [Fact]
    public void Configuration_BadSettingInSection_FailsAtStartupNamingIt()
    {
        using var provider = BuildFromJson("""
            { "ContactKit": { "Recording": { "Tenants": { "bureau": { "MaxSecurePause": "0:05:00:00" } } } } }
            """);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Tenants[bureau].MaxSecurePause is 0:05:00:00", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyFor_TenantWithOwnPlan_GetsItAndOthersTheDefault()
    {
        var options = new RecordingOptions { CaptureBotPhase = true };
        options.Tenants["reseller-basic"] = new RecordingPlanOptions { RecordingEnabled = false, MaxSecurePause = Duration.FromMinutes(3), StaffToldByEmployment = false };

        var basic = options.PolicyFor(TenantId.Parse("reseller-basic"));
        var other = options.PolicyFor(TenantId.Parse("council"));

        Assert.Equal(new RecordingPolicy(false, true, true, Duration.FromMinutes(3)) { StaffToldByEmployment = false }, basic);
        Assert.Equal(RecordingPolicy.Default with { CaptureBotPhase = true }, other);
    }

    // Rule: the session keeps no holds; its deletion path asks the one hold registry (Retention's) at each step, so a hold
    // placed there stops authorisation and disposal, and releasing it there restores the path.
    [Fact]
    public async Task RecordingService_DeletionWhileTheHoldRegistryCoversTheRecording_IsRefusedUntilTheHoldIsReleased()
    {
        var clock = FakeClocks.At(T0, Duration.FromSeconds(10));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddRecording().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<RecordingService>();
        var holds = provider.GetRequiredService<IRetentionStore>();
        var system = ActorId.Parse("telephony");
        var officer = ActorId.Parse("officer-1");
        await service.StartAsync(Started(), system);
        await service.ApplyAsync(Tenant, CallRecording, End(), system);
        await service.ApplyAsync(Tenant, CallRecording, RequestDeletion(), system);
        LegalHold Hold(string id) => new() { Id = LegalHoldId.Parse(id), Tenant = Tenant, Target = HoldTarget.ForItem(RetainedItemId.Parse(CallRecording.Value)), Reason = "ombudsman complaint", PlacedBy = officer, PlacedAt = clock.GetCurrentInstant() };

        await holds.AddHoldAsync(Hold("h-1"));
        var heldAuthorise = await service.ApplyAsync(Tenant, CallRecording, Authorise(), system);
        await holds.ReleaseHoldAsync(Tenant, LegalHoldId.Parse("h-1"), officer, clock.GetCurrentInstant());
        var authorised = await service.ApplyAsync(Tenant, CallRecording, Authorise(), system);
        await holds.AddHoldAsync(Hold("h-2"));
        var heldDispose = await service.ApplyAsync(Tenant, CallRecording, Dispose(), system);
        await holds.ReleaseHoldAsync(Tenant, LegalHoldId.Parse("h-2"), officer, clock.GetCurrentInstant());
        var disposed = await service.ApplyAsync(Tenant, CallRecording, Dispose(), system);

        Assert.Equal(RecordingErrorCodes.RecordingHeld, heldAuthorise.Error?.Code);
        Assert.Contains("h-1", heldAuthorise.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ombudsman", heldAuthorise.Error.Message, StringComparison.Ordinal);
        Assert.Equal(RecordingState.DeletionAuthorised, authorised.Value.State);
        Assert.Equal(RecordingErrorCodes.RecordingHeld, heldDispose.Error?.Code);
        Assert.Equal(RecordingState.Deleted, disposed.Value.State);
    }

    [Fact]
    public async Task RecordingService_AppliesSavesAndAuditsEachAcceptedEventOnce()
    {
        var clock = FakeClocks.At(T0, Duration.FromSeconds(10));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddRecording().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<RecordingService>();
        var system = ActorId.Parse("telephony");
        var told = Told(Caller);

        await service.StartAsync(Started(), system);
        await service.ApplyAsync(Tenant, CallRecording, told, system);
        var replayed = await service.ApplyAsync(Tenant, CallRecording, told, system);
        var refused = await service.ApplyAsync(Tenant, CallRecording, Stored(), system);
        var stale = await service.ApplyAsync(Tenant, CallRecording, Join(Agent), system, expectedVersion: 1);

        var stored = (await provider.GetRequiredService<IRecordingStore>().GetAsync(Tenant, CallRecording)).Value;
        var actions = new List<string>();
        await foreach (var entry in provider.GetRequiredService<IAuditTrail>().ReadByResourceAsync(Tenant, ResourceRef.Recording(CallRecording)))
        {
            actions.Add(entry.Action);
        }

        Assert.Equal(2, replayed.Value.Version);
        Assert.Equal(RecordingErrorCodes.IllegalTransition, refused.Error?.Code);
        Assert.Equal(ErrorCodes.VersionConflict, stale.Error?.Code);
        Assert.Equal(2, stored.Version);
        Assert.Equal(["recording.interaction_started", "recording.notice_given"], actions);
    }

    // Regression: a tenant plan without MaxSecurePause got the built-in ten minutes, not the default plan's eight.
    [Fact]
    public void PolicyFor_TenantPlanWithoutASetting_InheritsTheDefaultPlansValue()
    {
        var options = new RecordingOptions { MaxSecurePause = Duration.FromMinutes(8), NoticeRequired = false };
        options.Tenants["bureau"] = new RecordingPlanOptions { CaptureBotPhase = true };

        var bureau = options.PolicyFor(TenantId.Parse("bureau"));

        Assert.Equal(Duration.FromMinutes(8), bureau.MaxSecurePause);
        Assert.False(bureau.NoticeRequired);
        Assert.True(bureau.CaptureBotPhase);
        Assert.True(bureau.RecordingEnabled);
    }

    [Fact]
    public void Configuration_TenantPlanWithoutMaxSecurePause_InheritsTheDefaultPlansEightMinutes()
    {
        using var provider = BuildFromJson("""
            { "ContactKit": { "Recording": { "MaxSecurePause": "0:00:08:00", "Tenants": { "bureau": { "CaptureBotPhase": true } } } } }
            """);

        var options = provider.GetRequiredService<IOptions<RecordingOptions>>().Value;

        Assert.Equal(Duration.FromMinutes(8), options.MaxSecurePause);
        Assert.Equal(Duration.FromMinutes(8), options.PolicyFor(TenantId.Parse("bureau")).MaxSecurePause);
    }

    // Regression: the service trusted the policy the host passed; a tenant whose plan has no recording was recorded
    // when the host passed RecordingPolicy.Default.
    [Fact]
    public async Task StartAsync_HostPassesDefaultPolicyForTenantWithoutRecording_NothingIsCaptured()
    {
        var clock = FakeClocks.At(T0, Duration.FromSeconds(10));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddRecording(o => o.Tenants[Tenant.Value] = new RecordingPlanOptions { RecordingEnabled = false }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<RecordingService>();
        var system = ActorId.Parse("telephony");

        var started = await service.StartAsync(Started(RecordingPolicy.Default), system);
        await service.ApplyAsync(Tenant, CallRecording, Told(Caller), system);
        var capture = await service.ApplyAsync(Tenant, CallRecording, Start(), system);
        var ended = await service.ApplyAsync(Tenant, CallRecording, End(), system);

        Assert.False(started.Value.Policy.RecordingEnabled);
        Assert.Equal(RecordingErrorCodes.RecordingDisabled, capture.Error?.Code);
        Assert.Equal(RecordingState.Absent, ended.Value.State);
        Assert.False(ended.Value.HasCaptured);
        var report = (await service.ReportAsync(Tenant, CallRecording)).Value;
        Assert.DoesNotContain(report.Segments, s => s.Captured);
    }

    [Fact]
    public async Task ApplyAsync_EventOlderThanTheRecentWindowReplayed_ChangesNothingAndReusedIdIsRefused()
    {
        var clock = FakeClocks.At(T0, Duration.FromSeconds(10));
        var services = new ServiceCollection().AddSingleton<IClock>(clock);
        services.AddContactKit().AddRecording().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<RecordingService>();
        var system = ActorId.Parse("telephony");
        var told = Told(Caller);
        await service.StartAsync(Started(), system);
        await service.ApplyAsync(Tenant, CallRecording, told, system);
        await service.ApplyAsync(Tenant, CallRecording, Join(Agent), system);
        await service.ApplyAsync(Tenant, CallRecording, Start(), system);
        RecordingSession current = null!;
        for (var i = 0; i < RecordingSession.RecentEventCount; i++)
        {
            await service.ApplyAsync(Tenant, CallRecording, Pause(UncapturedReason.OnHold), system);
            current = (await service.ApplyAsync(Tenant, CallRecording, Resume(UncapturedReason.OnHold), system)).Value;
        }

        Assert.DoesNotContain(current.RecentEvents, e => e.Id == told.Id);
        var replayed = await service.ApplyAsync(Tenant, CallRecording, told, system);
        var reused = await service.ApplyAsync(Tenant, CallRecording, Pause() with { Id = told.Id }, system);

        Assert.Equal(current, replayed.Value);
        Assert.Equal(RecordingErrorCodes.EventIdReused, reused.Error?.Code);
        Assert.Equal(current.Version, (await provider.GetRequiredService<IRecordingStore>().GetAsync(Tenant, CallRecording)).Value.Version);
    }

    private static RecordingAccessRequest Access(string role, RecordingAccessKind kind) =>
        new(Tenant, CallRecording, ActorId.Parse("reviewer"), role, kind, Purpose.QualityMonitoring, "complaint C-101");

    // What a host does with appsettings.json: the options bound from their section, then checked at start-up as usual.
    private static ServiceProvider BuildFromJson(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddContactKit().AddRecording().UseInMemoryStores();
        services.Configure<RecordingOptions>(configuration.GetSection("ContactKit:Recording"));
        return services.BuildServiceProvider();
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType.FullName}|{d.ImplementationType?.FullName}|{d.Lifetime}|{d.ImplementationInstance?.GetType().FullName}|{d.ImplementationFactory is not null}")];

    private sealed class DenyAll : IRecordingAccessPolicy
    {
        public RecordingAccessDecision Decide(RecordingAccessRequest request) => new(request, new ContactKitError(RecordingErrorCodes.AccessDenied, "no"));
    }
}
