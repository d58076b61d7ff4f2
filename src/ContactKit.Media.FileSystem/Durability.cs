using System.Runtime.InteropServices;

namespace ContactKit.Media.FileSystem;

/// <summary>
/// Makes a folder's entries durable. A rename or a new file is only safe from a power cut once the folder holding it has
/// been flushed too; .NET cannot open a folder, so on Linux and macOS this calls <c>fsync</c> on it through libc. Windows
/// (NTFS journals its metadata) needs no such call.
/// </summary>
internal static partial class Durability
{
    private const int ReadOnly = 0;

    /// <summary>Flushes the entries of <paramref name="folder"/> to disk.</summary>
    /// <param name="folder">An existing folder.</param>
    /// <exception cref="IOException">The folder could not be opened or flushed.</exception>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(folder, ReadOnly);
        if (descriptor < 0)
        {
            throw new IOException($"The folder {folder} could not be opened to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"The folder {folder} could not be flushed to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
