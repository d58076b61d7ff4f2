namespace ContactKit;

/// <summary>
/// Thrown when a caller asks for the value of a refused operation, or when a host misconfigures ContactKit.
/// Carries the <see cref="ContactKitError"/> with its stable code.
/// </summary>
public class ContactKitException : Exception
{
    /// <summary>Creates the exception from an error.</summary>
    /// <param name="error">The error that caused it.</param>
    public ContactKitException(ContactKitError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>Creates the exception from an error and the exception that caused it.</summary>
    /// <param name="error">The error that caused it.</param>
    /// <param name="innerException">The underlying exception.</param>
    public ContactKitException(ContactKitError error, Exception? innerException)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString(), innerException)
    {
        Error = error;
    }

    /// <summary>The error, with its stable code and the field at fault.</summary>
    public ContactKitError Error { get; }
}

/// <summary>
/// Thrown by the <c>Parse</c> methods of ContactKit value types when the text is not valid.
/// The <c>TryParse</c> methods report the same <see cref="ContactKitError"/> without throwing.
/// </summary>
public sealed class ContactKitFormatException : FormatException
{
    /// <summary>Creates the exception from an error.</summary>
    /// <param name="error">The error that caused it.</param>
    public ContactKitFormatException(ContactKitError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>The error, with its stable code and the rule that was broken.</summary>
    public ContactKitError Error { get; }
}
