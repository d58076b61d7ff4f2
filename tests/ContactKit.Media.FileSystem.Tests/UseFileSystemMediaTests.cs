using System.Text;
using ContactKit.Recording;
using ContactKit.Testing;
using ContactKit.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactKit.Media.FileSystem.Tests;

public sealed class UseFileSystemMediaTests : IDisposable
{
    private readonly MediaFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UseFileSystemMedia_BeforeOrAfterInMemoryStores_IsTheOneMediaStore()
    {
        var before = new ServiceCollection();
        before.AddContactKit().UseFileSystemMedia(o => o.RootPath = _folder.Root).AddRecording().UseInMemoryStores();
        var after = new ServiceCollection();
        after.AddContactKit().AddRecording().UseInMemoryStores().UseFileSystemMedia(o => o.RootPath = _folder.Root);

        foreach (var services in new[] { before, after })
        {
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            Assert.Single(services, d => d.ServiceType == typeof(IRecordingMediaStore));
            Assert.Same(provider.GetRequiredService<FileSystemRecordingMediaStore>(), provider.GetRequiredService<IRecordingMediaStore>());
        }
    }

    [Fact]
    public void UseFileSystemMedia_CalledTwice_RegistersNothingTwice()
    {
        var once = new ServiceCollection();
        once.AddContactKit().UseFileSystemMedia();
        var twice = new ServiceCollection();
        twice.AddContactKit().UseFileSystemMedia();
        twice.AddContactKit().UseFileSystemMedia();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Theory]
    [InlineData("")] // not set
    [InlineData("media/recordings")] // relative: would depend on the working folder
    public void StartupValidation_RootPathNotAbsolute_ReportsInvalidRootPath(string root)
    {
        var failure = Assert.Single(StartupFailures(root));

        Assert.StartsWith($"{ErrorCodes.InvalidOptions}: {FileSystemMediaErrorCodes.InvalidRootPath}: RootPath must be the absolute path", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_RootPathMissing_ReportsItAsNotAnExistingFolder()
    {
        var failure = Assert.Single(StartupFailures(Path.Combine(_folder.Root, "unmounted-share")));

        Assert.Contains($"{FileSystemMediaErrorCodes.InvalidRootPath}: RootPath", failure, StringComparison.Ordinal);
        Assert.Contains("is not an existing folder", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindConfiguration_FileSystemMediaSection_BindsTheRootPath()
    {
        var json = $$"""{ "ContactKit": { "FileSystemMedia": { "RootPath": {{System.Text.Json.JsonSerializer.Serialize(_folder.Root)}} } } }""";
        using var provider = AppSettings.Build(json, ck => ck.UseFileSystemMedia());

        provider.GetRequiredService<IStartupValidator>().Validate();
        var store = provider.GetRequiredService<IRecordingMediaStore>();
        await store.PutAsync(TenantId.Parse("council"), RecordingId.Parse("rec-1"), MediaKind.Audio, new MemoryStream([1]));

        Assert.Equal(_folder.Root, provider.GetRequiredService<IOptions<FileSystemMediaOptions>>().Value.RootPath);
        Assert.Single(_folder.Files());
    }

    [Fact]
    public void StartupValidation_RelativeRootPathInConfiguration_FailsWithCk1100NamingTheSetting()
    {
        var failures = AppSettings.StartupFailures("""{ "ContactKit": { "FileSystemMedia": { "RootPath": "media" } } }""", ck => ck.UseFileSystemMedia());

        var failure = Assert.Single(failures);
        Assert.Contains($"{FileSystemMediaErrorCodes.InvalidRootPath}: RootPath must be the absolute path", failure, StringComparison.Ordinal);
        Assert.Contains("FileSystemMediaOptions.RootPath", failure, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> StartupFailures(string root)
    {
        var services = new ServiceCollection();
        services.AddContactKit().UseFileSystemMedia(o => o.RootPath = root);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return [.. ex.Failures];
    }

    private static List<string> Describe(IServiceCollection services) =>
        [.. services.Select(d => $"{d.ServiceType.FullName}|{d.ImplementationType?.FullName}|{d.Lifetime}|{d.ImplementationInstance?.GetType().FullName}|{d.ImplementationFactory is not null}")];
}
