namespace ContactKit.Redaction;

/// <summary>
/// The stable error codes of ContactKit.Redaction (<c>CK0600</c> to <c>CK0699</c>); <c>docs/errors.md</c> explains each and
/// how to fix it.
/// </summary>
public static class RedactionErrorCodes
{
    /// <summary>A replacement marker is empty, too long, or holds characters the redactor would itself remove.</summary>
    public const string InvalidMarker = "CK0600";

    /// <summary>Settings switch off card-number redaction, which PCI DSS does not allow.</summary>
    public const string CardRedactionRequired = "CK0601";

    /// <summary>Settings name a tenant id that is not valid, or an entity type that does not exist.</summary>
    public const string InvalidSettings = "CK0602";

    /// <summary>A message's word timings point outside its text, overlap, or run backwards in time.</summary>
    public const string InvalidWordTiming = "CK0603";

    /// <summary>A message was added to a redaction stream that was already completed.</summary>
    public const string StreamCompleted = "CK0604";
}
