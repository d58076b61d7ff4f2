namespace ContactKit.Media.FileSystem;

/// <summary>
/// The stable error codes of ContactKit.Media.FileSystem (<c>CK1100</c> to <c>CK1199</c>); <c>docs/errors.md</c> explains
/// each and how to fix it. Missing media is the shared <see cref="ErrorCodes.NotFound"/> (<c>CK0010</c>) and altered bytes
/// the recording package's <c>CK0123</c>.
/// </summary>
public static class FileSystemMediaErrorCodes
{
    /// <summary>The root folder setting is missing, not an absolute path, or not an existing folder.</summary>
    public const string InvalidRootPath = "CK1100";

    /// <summary>A location is not one this store issued, for example one that would reach outside the tenant's folder.</summary>
    public const string InvalidLocation = "CK1101";

    /// <summary>The file system refused a read or write (permissions, a full disk, an unmounted share).</summary>
    public const string StorageFailed = "CK1102";

    /// <summary>A stored deletion proof cannot be read.</summary>
    public const string UnreadableDeletionProof = "CK1103";
}
