using ContactKit.Media.FileSystem;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace ContactKit.Media.FileSystem.Tests;

/// <summary>A fresh root folder for one test, deleted with everything in it when the test ends.</summary>
internal sealed class MediaFolder : IDisposable
{
    public MediaFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "contactkit-media-" + Guid.NewGuid().ToString("N"));

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 12, 1, 9, 30));

    public FileSystemRecordingMediaStore CreateStore() =>
        new(Options.Create(new FileSystemMediaOptions { RootPath = Root }), Clock);

    /// <summary>Every file under the root, as paths relative to it with forward slashes.</summary>
    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
