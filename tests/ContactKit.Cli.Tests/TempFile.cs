namespace ContactKit.Cli.Tests;

/// <summary>A file in a fresh temporary folder, deleted with the folder when disposed.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    public string Folder { get; }

    public string Path { get; }

    public static TempFile Write(string text, string name = "policy.json")
    {
        var folder = Directory.CreateTempSubdirectory("contactkit-cli-").FullName;
        var path = System.IO.Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return new TempFile(folder, path);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
