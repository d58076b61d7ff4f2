using System.Text.Json;
using System.Text.Json.Serialization;
using ContactKit.Recording;

namespace ContactKit.Media.FileSystem;

/// <summary>Source-generated JSON for the deletion proofs this store writes beside the media.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(InstantJsonConverter), typeof(DurationJsonConverter)])]
[JsonSerializable(typeof(MediaDeletionProof))]
internal sealed partial class FileSystemMediaJsonContext : JsonSerializerContext;
