using ContactKit.Recording;
using ContactKit.Retention;
using ContactKit.Tests.Shared;
using ContactKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace ContactKit.Interactions.Tests.DependencyInjection;

/// <summary>A host that keeps only media needs no content provider of its own; one that keeps derived data is told at start-up.</summary>
public sealed class ArtefactContentProviderTests
{
    private static readonly TenantId Council = TenantId.Parse("council");

    [Fact]
    public void StartupValidation_SummariesStoredWithNoContentProvider_FailsWithCK0910()
    {
        var failures = AppSettings.StartupFailures(
            """{ "ContactKit": { "Interactions": { "StoredKinds": [ "Summary" ] } } }""",
            ck => MediaOnly(ck.AddInteractions().UseInMemoryStores()));

        Assert.Contains(failures, f => f.Contains(InteractionsErrorCodes.NoArtefactContentProvider, StringComparison.Ordinal) && f.Contains("Summary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_MediaOnlyHostWithNoContentProvider_DisposesOfTheAudioWithProof()
    {
        var clock = new SteppingClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        using var provider = LayerFixtures.Host(clock, LayerFixtures.Schedule(), services: s => s.RemoveAll<IArtefactContentProvider>());
        var service = provider.GetRequiredService<InteractionService>();
        var media = provider.GetRequiredService<IRecordingMediaStore>();
        var call = InteractionId.Parse("call-1");
        var voice = RecordingId.Parse("call-1.voice");
        var telephony = ActorId.Parse("telephony");
        await service.StartAsync(Council, call, Channel.VoiceCall, voice, [new RecordingParty(PartyId.Parse("caller"), PartyRole.Caller, Jurisdiction.England)], false, telephony);
        await provider.GetRequiredService<RecordingService>().ApplyAsync(Council, voice, new CaptureStarted(EventId.New()), telephony);
        await service.EndAsync(Council, call, telephony);
        var audio = (await media.PutAsync(Council, voice, MediaKind.Audio, new MemoryStream([1, 2, 3]))).Value;
        _ = (await service.StoreArtefactAsync(new ArtefactToStore { Tenant = Council, Interaction = call, Name = "audio", Kind = ArtefactKind.Audio, Recording = voice, Location = audio.Location, Sha256 = audio.Sha256 })).Value;

        clock.Advance(Duration.FromDays(200));
        var run = await provider.GetRequiredService<DisposalPlanner>().RunOnceAsync(Council, ActorId.Parse("sweeper"), provider.GetRequiredService<IRetainedItemDisposer>());

        Assert.Equal($"sha256:{audio.Sha256}", Assert.Single(run.Proofs).ContentHash);
        Assert.Equal(ErrorCodes.NotFound, (await media.OpenReadAsync(Council, audio.Location)).Error?.Code);
    }

    private static ContactKitBuilder MediaOnly(ContactKitBuilder builder)
    {
        builder.Services.RemoveAll<IArtefactContentProvider>();
        return builder;
    }
}
