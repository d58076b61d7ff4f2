using ContactKit;
using ContactKit.Recording;
using ContactKit.Testing;
using CsCheck;
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
        await Calls.StoreAsync(provider.GetRequiredService<IRecordingStore>(), Begin());
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
        await Calls.StoreAsync(provider.GetRequiredService<IRecordingStore>(), deleted);

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
        var media = await StoreAsync(provider, CallRecording, [9, 8, 7]);
        var service = provider.GetRequiredService<RecordingAccessService>();

        var granted = await service.OpenAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring), media.Location);
        var denied = await service.OpenAsync(Request("agent", RecordingAccessKind.Play, Purpose.QualityMonitoring), media.Location);

        await using var stream = granted.Value;
        Assert.Equal(3, stream.Length);
        Assert.Equal(RecordingErrorCodes.AccessDenied, denied.Error?.Code);
    }

    // Issue 11: authorised for rec-x, OpenAsync returned the bytes of rec-y (whose deletion was authorised) and audited rec-x.
    [Fact]
    public async Task OpenAsync_LocationOfAnotherRecording_IsRefusedAndAuditedWithTheLocation()
    {
        using var provider = Build();
        await StoreAsync(provider, CallRecording, [1, 2, 3]);
        var other = RecordingId.Parse("rec-y");
        var otherMedia = await StoreAsync(provider, other, [6, 6, 6], deletionAuthorised: true);
        var service = provider.GetRequiredService<RecordingAccessService>();

        var opened = await service.OpenAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring), otherMedia.Location);

        Assert.Equal(RecordingErrorCodes.MediaNotOfRecording, opened.Error?.Code);
        var entry = Assert.Single(await ReadAsync(provider.GetRequiredService<IAuditTrail>()));
        Assert.Equal("recording.access_denied", entry.Action);
        Assert.Equal(ResourceRef.Recording(CallRecording), entry.Resource);
        Assert.Equal(otherMedia.Location, entry.Details["location"]);
        Assert.Equal(RecordingErrorCodes.MediaNotOfRecording, entry.Details["code"]);
    }

    // The class of the defect: whichever recording is authorised and whichever location is asked for, bytes come back
    // only for that recording's own media, and every attempt leaves exactly one decision in the trail, naming it.
    [Fact]
    public async Task OpenAsync_AnyRecordingAndAnyLocation_OpensOnlyTheAuthorisedRecordingsOwnMedia()
    {
        using var provider = Build();
        RecordingId[] recordings = [RecordingId.Parse("rec-a"), RecordingId.Parse("rec-b"), RecordingId.Parse("rec-c")];
        var owned = new Dictionary<string, RecordingId>(StringComparer.Ordinal);
        foreach (var recording in recordings)
        {
            owned[(await StoreAsync(provider, recording, [1, 2, 3])).Location] = recording;
        }

        string[] locations = [.. owned.Keys, "memory://rec-d/audio", "memory://rec-a/transcript", "", "memory://rec-a/audio/../../rec-b/audio"];
        var service = provider.GetRequiredService<RecordingAccessService>();
        var trail = provider.GetRequiredService<IAuditTrail>();
        var audited = 0;

        await Gen.Select(Gen.Int[0, recordings.Length - 1], Gen.Int[0, locations.Length - 1]).SampleAsync(async pick =>
        {
            var (r, l) = pick;
            var request = new RecordingAccessRequest(Tenant, recordings[r], Reviewer, "quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring, "complaint C-101");

            var opened = await service.OpenAsync(request, locations[l]);

            var own = owned.TryGetValue(locations[l], out var owner) && owner == recordings[r];
            Assert.Equal(own, opened.IsSuccess);
            if (opened.IsSuccess)
            {
                await opened.Value.DisposeAsync();
            }

            var entries = await ReadAsync(trail);
            audited += locations[l].Length == 0 ? 0 : 1;
            Assert.Equal(audited, entries.Count);
            if (locations[l].Length > 0)
            {
                Assert.Equal(ResourceRef.Recording(recordings[r]), entries[^1].Resource);
                Assert.Equal(own ? "recording.access_granted" : "recording.access_denied", entries[^1].Action);
            }
        }, iter: 10_000, threads: 1);
    }

    [Fact]
    public async Task OpenAsync_LocationNeverStored_IsRefusedAsNotTheRecordingsMedia()
    {
        using var provider = Build();
        await StoreAsync(provider, CallRecording, [1, 2, 3]);

        var opened = await provider.GetRequiredService<RecordingAccessService>()
            .OpenAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring), "memory://rec-1/../rec-y/audio");

        Assert.Equal(RecordingErrorCodes.MediaNotOfRecording, opened.Error?.Code);
    }

    // Issue 11: tampered media was audited only as access_granted.
    [Fact]
    public async Task OpenAsync_TamperedMedia_AuditsTheChecksumFailure()
    {
        using var provider = Build();
        var media = await StoreAsync(provider, CallRecording, [1, 2, 3]);
        Assert.True(((InMemoryRecordingMediaStore)provider.GetRequiredService<IRecordingMediaStore>()).Corrupt(Tenant, media.Location));

        var opened = await provider.GetRequiredService<RecordingAccessService>()
            .OpenAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring), media.Location);

        Assert.Equal(RecordingErrorCodes.MediaChecksumMismatch, opened.Error?.Code);
        var entries = await ReadAsync(provider.GetRequiredService<IAuditTrail>());
        Assert.Equal(["recording.access_granted", "recording.media_checksum_failed"], entries.Select(e => e.Action));
        Assert.Equal(RecordingErrorCodes.MediaChecksumMismatch, entries[1].Details["code"]);
        Assert.Equal(media.Location, entries[1].Details["location"]);
    }

    // Issue 11: a default ActorId or TenantId made the audit append throw after the decision, so the decision went unaudited.
    [Theory]
    [InlineData("actor")] // default ActorId: the trail cannot name who asked
    [InlineData("tenant")] // default TenantId: the trail cannot file the entry
    [InlineData("recording")] // default RecordingId: nothing to decide about
    public async Task AuthoriseAsync_DefaultId_IsRefusedBeforeAnyDecisionAndNothingThrows(string field)
    {
        var policy = new CountingPolicy();
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClocks.At(T0)).AddSingleton<IRecordingAccessPolicy>(policy);
        services.AddContactKit().AddRecording().UseInMemoryStores();
        using var provider = services.BuildServiceProvider();
        var request = Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring);
        request = field switch
        {
            "actor" => request with { Actor = default },
            "tenant" => request with { Tenant = default },
            _ => request with { Recording = default },
        };
        var service = provider.GetRequiredService<RecordingAccessService>();

        var decision = await service.AuthoriseAsync(request);
        var opened = await service.OpenAsync(request, "memory://rec-1/audio");

        Assert.Equal(RecordingErrorCodes.InvalidAccessRequest, decision.Refusal?.Code);
        Assert.Equal(field, decision.Refusal?.Field);
        Assert.Equal(RecordingErrorCodes.InvalidAccessRequest, opened.Error?.Code);
        Assert.Equal(0, policy.Calls);
        Assert.Empty(await ReadAsync(provider.GetRequiredService<IAuditTrail>()));
    }

    [Theory]
    [InlineData(RecordingAccessKind.None)] // asks for nothing
    [InlineData(RecordingAccessKind.Play | RecordingAccessKind.Export)] // two uses in one decision would audit one kind for both
    public async Task AuthoriseAsync_NotExactlyOneKindOfUse_IsRefusedAsInvalid(RecordingAccessKind kind)
    {
        using var provider = Build();

        var decision = await provider.GetRequiredService<RecordingAccessService>().AuthoriseAsync(Request("dpo", kind, Purpose.LegalObligation));

        Assert.Equal(RecordingErrorCodes.InvalidAccessRequest, decision.Refusal?.Code);
    }

    // Issue 11: a business need made only of invisible characters was granted.
    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\0")] // NUL
    [InlineData("\u202E")] // right-to-left override
    public async Task AuthoriseAsync_InvisibleBusinessNeed_IsRefusedAndAudited(string escaped)
    {
        using var provider = Build();
        await Calls.StoreAsync(provider.GetRequiredService<IRecordingStore>(), Begin());
        var need = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var decision = await provider.GetRequiredService<RecordingAccessService>()
            .AuthoriseAsync(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring, need));

        Assert.Equal(RecordingErrorCodes.BusinessNeedRequired, decision.Refusal?.Code);
        var entry = Assert.Single(await ReadAsync(provider.GetRequiredService<IAuditTrail>()));
        Assert.Equal("recording.access_denied", entry.Action);
        Assert.Equal("no business need stated", entry.Reason);
    }

    [Fact]
    public void Decide_BusinessNeedOfOnlyInvisibleCharacters_IsAlwaysRefused()
    {
        using var provider = Build();
        var policy = provider.GetRequiredService<IRecordingAccessPolicy>();

        Gen.String[Gen.Char[Invisible], 0, 24].Sample(
            need => Assert.Equal(
                RecordingErrorCodes.BusinessNeedRequired,
                policy.Decide(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring, need)).Refusal?.Code),
            iter: 10_000);
    }

    [Fact]
    public void Decide_BusinessNeedWithALetterOrDigitAmongInvisibleCharacters_IsGranted()
    {
        using var provider = Build();
        var policy = provider.GetRequiredService<IRecordingAccessPolicy>();

        Gen.Select(Gen.String[Gen.Char[Invisible], 0, 12], Gen.Char.AlphaNumeric, Gen.String[Gen.Char[Invisible], 0, 12]).Sample(
            (before, readable, after) => policy.Decide(Request("quality_team", RecordingAccessKind.Play, Purpose.QualityMonitoring, before + readable + after)).IsGranted,
            iter: 10_000);
    }

    // Every UTF-16 unit that a reader cannot see or read: whitespace, control, format, separators, marks and unpaired
    // surrogates (low ones only, so that two generated units never pair up into a real letter).
    private static readonly string Invisible = string.Concat(Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c =>
        !char.IsLetterOrDigit(c) && !char.IsHighSurrogate(c) && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control
            or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
            or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark));

    private static async Task<RecordingMedia> StoreAsync(ServiceProvider provider, RecordingId recording, byte[] bytes, bool deletionAuthorised = false)
    {
        var media = (await provider.GetRequiredService<IRecordingMediaStore>().PutAsync(Tenant, recording, MediaKind.Audio, new MemoryStream(bytes))).Value;
        var session = Calls.Begin(Started() with { Recording = recording })
            .Then(Told(Caller)).Then(Join(Agent)).Then(Start()).Then(End()).Then(new MediaStored(NewId(), media));
        if (deletionAuthorised)
        {
            session = session.Then(RequestDeletion()).Then(Authorise());
        }

        await Calls.StoreAsync(provider.GetRequiredService<IRecordingStore>(), session);
        return media;
    }

    private sealed class CountingPolicy : IRecordingAccessPolicy
    {
        public int Calls { get; private set; }

        public RecordingAccessDecision Decide(RecordingAccessRequest request)
        {
            Calls++;
            return new RecordingAccessDecision(request, null);
        }
    }

    // The trail's entries about access: the sessions' own changes, written with their events, are left out.
    private static async Task<List<AuditEntry>> ReadAsync(IAuditTrail trail)
    {
        var list = new List<AuditEntry>();
        await foreach (var entry in trail.ReadByTenantAsync(Tenant))
        {
            if (entry.Action is "recording.access_granted" or "recording.access_denied" or "recording.media_checksum_failed" or "recording.media_unavailable")
            {
                list.Add(entry);
            }
        }

        return list;
    }
}
