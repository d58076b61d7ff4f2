using ContactKit.Recording;
using NodaTime;

namespace ContactKit.Media.FileSystem;

/// <summary>What remains of deleted media: its location, kind, size and the SHA-256 checksum of the bytes destroyed, and when.</summary>
/// <param name="Media">The media that was deleted, as it was stored.</param>
/// <param name="DeletedAt">When its bytes were deleted.</param>
public sealed record MediaDeletionProof(RecordingMedia Media, Instant DeletedAt);
