using System.Security.Cryptography;
using ContactKit.Recording;

namespace ContactKit.Testing;

/// <summary>An <see cref="IRecordingMediaStore"/> held in memory, for tests and samples. Thread-safe; passes <c>ContactKit.Testing.Conformance.RecordingMediaStoreContractTests</c>.</summary>
public sealed class InMemoryRecordingMediaStore : IRecordingMediaStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(TenantId Tenant, string Location), (RecordingMedia Media, byte[] Bytes)> _media = [];

    /// <inheritdoc />
    public async ValueTask<Result<RecordingMedia>> PutAsync(TenantId tenant, RecordingId recording, MediaKind kind, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        var bytes = copy.ToArray();
        var location = $"memory://{recording}/{kind.ToString().ToLowerInvariant()}";
        var media = new RecordingMedia(kind, location, bytes.Length, Checksum(bytes));
        lock (_gate)
        {
            _media[(tenant, location)] = (media, bytes);
        }

        return media;
    }

    /// <inheritdoc />
    public ValueTask<Result<Stream>> OpenReadAsync(TenantId tenant, string location, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_media.TryGetValue((tenant, location), out var entry))
            {
                return ValueTask.FromResult<Result<Stream>>(Errors.NotFound($"recording media at {location}", tenant));
            }

            if (Checksum(entry.Bytes) != entry.Media.Sha256)
            {
                return ValueTask.FromResult<Result<Stream>>(new ContactKitError(
                    RecordingErrorCodes.MediaChecksumMismatch,
                    $"The media at {location} no longer matches its SHA-256 checksum {entry.Media.Sha256}; restore it from a copy.",
                    "location"));
            }

            return ValueTask.FromResult(Result<Stream>.Success(new MemoryStream(entry.Bytes, writable: false)));
        }
    }

    /// <inheritdoc />
    public ValueTask<Result<RecordingMedia>> DeleteAsync(TenantId tenant, string location, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_media.Remove((tenant, location), out var entry)
                ? Result<RecordingMedia>.Success(entry.Media)
                : Errors.NotFound($"recording media at {location}", tenant));
        }
    }

    /// <summary>Changes one stored byte, as disk corruption would, so tests can see the checksum catch it.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="location">The media's location.</param>
    /// <returns><see langword="true"/> when there was media to corrupt.</returns>
    public bool Corrupt(TenantId tenant, string location)
    {
        lock (_gate)
        {
            if (!_media.TryGetValue((tenant, location), out var entry) || entry.Bytes.Length == 0)
            {
                return false;
            }

            entry.Bytes[0] ^= 0xFF;
            return true;
        }
    }

    private static string Checksum(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
