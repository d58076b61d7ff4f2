using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using ContactKit.Recording;

namespace ContactKit.Media.FileSystem;

/// <summary>
/// A location this store issues, <c>fs://{recording}/{kind}/{sha256}</c>, read strictly: a recording folder name, a kind
/// and 64 lower-case hex digits, nothing else. No location can name a parent folder, an absolute path, another tenant's
/// folder or a temporary file.
/// </summary>
internal readonly record struct MediaLocation(string Recording, MediaKind Kind, string Sha256)
{
    private const string Scheme = "fs://";

    /// <summary>The most characters of a folder name: a 128-character id, a separator and 32 hex digits.</summary>
    private const int MaxFolderNameLength = 128 + 1 + 32;

    public override string ToString() => $"{Scheme}{Recording}/{KindName(Kind)}/{Sha256}";

    public string MediaPath(string tenantFolder) => Path.Combine(tenantFolder, "media", Recording, KindName(Kind), Sha256);

    public string ProofPath(string tenantFolder) => Path.Combine(tenantFolder, "deleted", Recording, KindName(Kind), Sha256 + ".json");

    public static bool TryParse(string? text, out MediaLocation location)
    {
        location = default;
        if (text is null || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Scheme.Length..].Split('/');
        if (parts.Length != 3 || !IsFolderName(parts[0]) || !IsSha256(parts[2]))
        {
            return false;
        }

        MediaKind? kind = parts[1] switch
        {
            "audio" => MediaKind.Audio,
            "transcript" => MediaKind.Transcript,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        location = new MediaLocation(parts[0], kind.Value, parts[2]);
        return true;
    }

    /// <summary>
    /// The folder name of a tenant or recording id, the same on every file system: the id itself when it holds only
    /// lower-case letters, digits and hyphens; otherwise the id lower-cased with <c>. _ :</c> turned into hyphens, then
    /// <c>~</c> and 32 hex digits of its SHA-256, so that ids differing only in case or punctuation (<c>Tenant-A</c>,
    /// <c>tenant-a</c>, <c>tenant.a</c>) never share a folder on a case-insensitive share, and no name ends in a dot.
    /// </summary>
    public static string FolderName(string id)
    {
        if (id.All(IsPlainChar))
        {
            return id;
        }

        var readable = string.Create(id.Length, id, static (span, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                span[i] = IsPlainChar(char.ToLowerInvariant(id[i])) ? char.ToLowerInvariant(id[i]) : '-';
            }
        });
        return $"{readable}~{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 16)}";
    }

    public static bool IsSha256([NotNullWhen(true)] string? name) => name is { Length: 64 } && name.All(char.IsAsciiHexDigitLower);

    private static bool IsFolderName(string name) =>
        name.Length is > 0 and <= MaxFolderNameLength && name.All(c => IsPlainChar(c) || c == '~');

    private static bool IsPlainChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';

    private static string KindName(MediaKind kind) => kind == MediaKind.Audio ? "audio" : "transcript";
}
