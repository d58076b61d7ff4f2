using ContactKit.Recording;
using ContactKit.Testing.Conformance;

namespace ContactKit.Media.FileSystem.Tests;

/// <summary>The shared media-store contract, run against the file-system store over a fresh folder.</summary>
public sealed class FileSystemRecordingMediaStoreContractTests : RecordingMediaStoreContractTests, IDisposable
{
    private readonly MediaFolder _folder = new();

    protected override IRecordingMediaStore CreateStore() => _folder.CreateStore();

    public void Dispose() => _folder.Dispose();
}
