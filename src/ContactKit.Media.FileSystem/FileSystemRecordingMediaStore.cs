using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using ContactKit.Recording;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContactKit.Media.FileSystem;

/// <summary>
/// An <see cref="IRecordingMediaStore"/> on a local file system or a mounted share. Passes
/// <c>ContactKit.Testing.Conformance.RecordingMediaStoreContractTests</c>.
/// </summary>
/// <remarks>
/// <para>
/// Under <see cref="FileSystemMediaOptions.RootPath"/> each tenant has its own folder, and a location is only ever resolved
/// inside the folder of the tenant asking, so one tenant can never reach another's media. Media are content addressed:
/// the file is named by the SHA-256 checksum of its bytes (<c>media/{recording}/{kind}/{sha256}</c>), and every read checks
/// the bytes against that name before returning them.
/// </para>
/// <para>
/// A write goes to a temporary file in the tenant's <c>.incoming</c> folder, is flushed to disk, then renamed into place
/// and its folder flushed, so a crash leaves either the old media or the new, never part of a file; a leftover temporary
/// file is never at a location and so is never read. Storing media of a kind the recording already has replaces it.
/// Deleting (or replacing) media first writes its proof (<c>deleted/{recording}/{kind}/{sha256}.json</c>: the location,
/// size and checksum of the bytes destroyed, and when), then deletes the bytes; a deletion cut short by a crash leaves the
/// media readable until it is deleted again.
/// </para>
/// </remarks>
public sealed class FileSystemRecordingMediaStore : IRecordingMediaStore
{
    private const string IncomingFolder = ".incoming";
    private const int BufferSize = 81920;

    private readonly string _root;
    private readonly IClock _clock;

    // Writes to one recording's media of one kind (store, replace, delete) take one of these, so that two writers in
    // this process never replace each other's media half-way.
    private readonly SemaphoreSlim[] _writeLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Creates the store over the root folder in <paramref name="options"/>.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="clock">Dates deletion proofs.</param>
    public FileSystemRecordingMediaStore(IOptions<FileSystemMediaOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _root = Path.GetFullPath(options.Value.RootPath);
        _clock = clock;
    }

    /// <inheritdoc />
    /// <returns>
    /// Where it is stored, with its size and checksum; <c>CK1102</c> when the file system refuses or the content stream
    /// fails, in which case nothing changed.
    /// </returns>
    public async ValueTask<Result<RecordingMedia>> PutAsync(TenantId tenant, RecordingId recording, MediaKind kind, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The media kind must be Audio or Transcript.");
        }

        var tenantFolder = TenantFolder(tenant);
        var temporary = TemporaryFile(tenantFolder);
        try
        {
            var (sha256, size) = await WriteDurablyAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            var location = new MediaLocation(MediaLocation.FolderName(recording.Value), kind, sha256);
            var path = location.MediaPath(tenantFolder);
            var folder = Path.GetDirectoryName(path)!;

            var writeLock = WriteLock(tenantFolder, location);
            await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                CreateFolder(folder);
                File.Move(temporary, path, overwrite: true);
                Durability.FlushFolder(folder);
                foreach (var replaced in Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(name => name != sha256).ToList())
                {
                    if (MediaLocation.IsSha256(replaced))
                    {
                        await DestroyAsync(tenantFolder, location with { Sha256 = replaced! }, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                writeLock.Release();
            }

            return new RecordingMedia(kind, location.ToString(), size, sha256);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StorageFailed("store media", e);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <inheritdoc />
    /// <returns>
    /// A stream the caller disposes, <c>CK0010</c> when the tenant has no media there, <c>CK0123</c> when the bytes no longer
    /// match, <c>CK1101</c> when the location is not one this store issues, or <c>CK1102</c> when the file system refuses.
    /// </returns>
    public async ValueTask<Result<Stream>> OpenReadAsync(TenantId tenant, string location, CancellationToken cancellationToken = default)
    {
        if (!MediaLocation.TryParse(location, out var parsed))
        {
            return InvalidLocation(location);
        }

        try
        {
            var stream = new FileStream(parsed.MediaPath(TenantFolder(tenant)), new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = BufferSize,
            });
            try
            {
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                if (actual == parsed.Sha256)
                {
                    stream.Position = 0;
                    return stream;
                }
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await stream.DisposeAsync().ConfigureAwait(false);
            return new ContactKitError(
                RecordingErrorCodes.MediaChecksumMismatch,
                $"The media at {location} no longer matches its SHA-256 checksum {parsed.Sha256}; restore it from a copy.",
                "location");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound(tenant, location);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StorageFailed("read media", e);
        }
    }

    /// <inheritdoc />
    /// <returns>
    /// What was deleted, <c>CK0010</c> when the tenant has no media there, <c>CK1101</c> when the location is not one this
    /// store issues, or <c>CK1102</c> when the file system refuses. Its proof is then kept
    /// (<see cref="GetDeletionProofAsync"/>).
    /// </returns>
    public async ValueTask<Result<RecordingMedia>> DeleteAsync(TenantId tenant, string location, CancellationToken cancellationToken = default)
    {
        if (!MediaLocation.TryParse(location, out var parsed))
        {
            return InvalidLocation(location);
        }

        var tenantFolder = TenantFolder(tenant);
        var writeLock = WriteLock(tenantFolder, parsed);
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deleted = await DestroyAsync(tenantFolder, parsed, cancellationToken).ConfigureAwait(false);
            return deleted is null ? NotFound(tenant, location) : deleted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StorageFailed("delete media", e);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Reads the proof left when the media at <paramref name="location"/> was last deleted or replaced.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">The location the media had.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The proof; <c>CK0010</c> when the tenant never deleted media there; <c>CK1101</c> when the location is not one this
    /// store issues; <c>CK1103</c> when the proof file cannot be read; <c>CK1102</c> when the file system refuses.
    /// </returns>
    public async ValueTask<Result<MediaDeletionProof>> GetDeletionProofAsync(TenantId tenant, string location, CancellationToken cancellationToken = default)
    {
        if (!MediaLocation.TryParse(location, out var parsed))
        {
            return InvalidLocation(location);
        }

        var path = parsed.ProofPath(TenantFolder(tenant));
        byte[] json;
        try
        {
            json = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Errors.NotFound($"deletion proof for the media at {location}", tenant);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return StorageFailed("read a deletion proof", e);
        }

        try
        {
            var proof = JsonSerializer.Deserialize(json, FileSystemMediaJsonContext.Default.MediaDeletionProof);
            if (proof?.Media is { } media && media.Location == location)
            {
                return proof;
            }
        }
        catch (JsonException)
        {
        }

        return new ContactKitError(
            FileSystemMediaErrorCodes.UnreadableDeletionProof,
            $"The deletion proof at {path} is not a proof for the media at {location}; restore it from a copy of the media folder.",
            "location");
    }

    /// <summary>Writes the proof of the media at <paramref name="location"/>, then deletes its bytes; <see langword="null"/> when there are none.</summary>
    private async ValueTask<RecordingMedia?> DestroyAsync(string tenantFolder, MediaLocation location, CancellationToken cancellationToken)
    {
        var path = location.MediaPath(tenantFolder);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        var media = new RecordingMedia(location.Kind, location.ToString(), file.Length, location.Sha256);
        var proof = JsonSerializer.SerializeToUtf8Bytes(new MediaDeletionProof(media, _clock.GetCurrentInstant()), FileSystemMediaJsonContext.Default.MediaDeletionProof);
        var proofPath = location.ProofPath(tenantFolder);
        var proofFolder = Path.GetDirectoryName(proofPath)!;
        var temporary = TemporaryFile(tenantFolder);
        try
        {
            await WriteDurablyAsync(temporary, new MemoryStream(proof, writable: false), cancellationToken).ConfigureAwait(false);
            CreateFolder(proofFolder);
            File.Move(temporary, proofPath, overwrite: true);
            Durability.FlushFolder(proofFolder);
        }
        finally
        {
            TryDelete(temporary);
        }

        File.Delete(path);
        Durability.FlushFolder(file.DirectoryName!);
        return media;
    }

    /// <summary>Copies <paramref name="content"/> to a new file at <paramref name="path"/> and flushes it to disk.</summary>
    /// <returns>The SHA-256 checksum of the bytes, in lower-case hex, and their number.</returns>
    private static async ValueTask<(string Sha256, long Size)> WriteDurablyAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        CreateFolder(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var file = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
                BufferSize = 0,
            });
            await using (file.ConfigureAwait(false))
            {
                long size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    size += read;
                }

                file.Flush(flushToDisk: true);
                return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Creates a folder and any missing parents, flushing each parent that gained an entry.</summary>
    private static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        var parent = Path.GetDirectoryName(folder)!;
        CreateFolder(parent);
        Directory.CreateDirectory(folder);
        Durability.FlushFolder(parent);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary file left behind is harmless: it is never at a location, so it is never read as media.
        }
    }

    private string TenantFolder(TenantId tenant) => Path.Combine(_root, MediaLocation.FolderName(tenant.Value));

    private static string TemporaryFile(string tenantFolder) =>
        Path.Combine(tenantFolder, IncomingFolder, Guid.NewGuid().ToString("N") + ".tmp");

    private SemaphoreSlim WriteLock(string tenantFolder, MediaLocation location) =>
        _writeLocks[(uint)HashCode.Combine(tenantFolder, location.Recording, location.Kind) % (uint)_writeLocks.Length];

    private static ContactKitError NotFound(TenantId tenant, string location) => Errors.NotFound($"recording media at {location}", tenant);

    private static ContactKitError InvalidLocation(string? location) => new(
        FileSystemMediaErrorCodes.InvalidLocation,
        $"The location {Errors.Excerpt(location)} is not one this store issues (fs://{{recording}}/{{audio|transcript}}/{{sha256}}); pass the location returned when the media was stored.",
        "location");

    private ContactKitError StorageFailed(string action, Exception e) => new(
        FileSystemMediaErrorCodes.StorageFailed,
        $"Could not {action} under {_root}: {e.Message} Unless the content stream itself failed, check that the folder is mounted, writable by this process and not full.");
}
