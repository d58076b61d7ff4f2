using System.Collections.Immutable;

namespace ContactKit.DataSubjects;

/// <summary>How the person's identity was checked when they made a request.</summary>
public enum IdentityCheckMethod
{
    /// <summary>Questions about the account or past contacts that only the person should be able to answer.</summary>
    KnowledgeBasedQuestions = 1,

    /// <summary>A call back to a number already held for the person.</summary>
    CallbackToNumberOnFile = 2,

    /// <summary>A one-time code sent to a contact detail already held, read back by the person.</summary>
    OneTimeCode = 3,

    /// <summary>A copy of an identity document was seen.</summary>
    IdentityDocument = 4,

    /// <summary>The person was already signed in to an authenticated account.</summary>
    AuthenticatedAccount = 5,

    /// <summary>Seen in person with identification.</summary>
    InPerson = 6,
}

/// <summary>The outcome of an identity check.</summary>
public enum IdentityCheckOutcome
{
    /// <summary>The identity is confirmed.</summary>
    Verified = 1,

    /// <summary>More proof is needed before the request can go ahead.</summary>
    MoreInformationNeeded = 2,

    /// <summary>The check failed.</summary>
    Failed = 3,
}

/// <summary>How the requester's identity was checked: which methods, by whom, with what outcome.</summary>
/// <param name="Methods">The methods used.</param>
/// <param name="CheckedBy">The member of staff or service that checked.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Notes">Anything a reviewer needs to know, never the answers themselves.</param>
public sealed record IdentityCheck(ImmutableArray<IdentityCheckMethod> Methods, ActorId CheckedBy, IdentityCheckOutcome Outcome, string? Notes = null)
{
    /// <summary>The methods used; empty, never a default array, when none were recorded (for example read from JSON without them).</summary>
    public ImmutableArray<IdentityCheckMethod> Methods { get; init; } = Methods.IsDefault ? [] : Methods;

    /// <inheritdoc />
    public bool Equals(IdentityCheck? other) =>
        other is not null && CheckedBy == other.CheckedBy && Outcome == other.Outcome && Notes == other.Notes &&
        Methods.AsSpan().SequenceEqual(other.Methods.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CheckedBy, Outcome, Methods.Length);
}

/// <summary>Someone acting on the data subject's behalf: a relative, advocate or solicitor.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Relationship">Their relationship to the subject, for example <c>solicitor</c> or <c>daughter with lasting power of attorney</c>.</param>
/// <param name="Authority">The evidence of their authority to act, for example <c>signed letter of authority</c>.</param>
/// <param name="AuthorityVerified">Whether that evidence has been checked.</param>
public sealed record Representative(PersonName Name, string Relationship, string Authority, bool AuthorityVerified);

/// <summary>How a request arrived and who made it: the channel, the identity check and any representative.</summary>
public sealed record RequestIntake
{
    /// <summary>The channel the request came by.</summary>
    public required Channel Channel { get; init; }

    /// <summary>What the requester asked for, in their words or a faithful summary.</summary>
    public required string Description { get; init; }

    /// <summary>How the requester's identity was checked; required for a request made by phone.</summary>
    public IdentityCheck? IdentityCheck { get; init; }

    /// <summary>Someone acting for the subject, if the subject did not make the request themselves.</summary>
    public Representative? Representative { get; init; }

    /// <summary>Checks the intake.</summary>
    /// <returns><see langword="null"/> when valid, otherwise the error naming the field.</returns>
    public ContactKitError? Validate()
    {
        if (string.IsNullOrWhiteSpace(Description))
        {
            return Errors.Required("intake.description");
        }

        if (Channel is Channel.VoiceCall or Channel.VoiceAssistant && IdentityCheck is null)
        {
            return new ContactKitError(
                DataSubjectsErrorCodes.IdentityCheckRequired,
                "A request made by phone must record how the caller's identity was checked (methods, who checked, outcome); record an IdentityCheck, with outcome MoreInformationNeeded if it could not be completed on the call.",
                "intake.identityCheck");
        }

        if (IdentityCheck is not null && (IdentityCheck.Methods.IsDefaultOrEmpty || string.IsNullOrEmpty(IdentityCheck.CheckedBy.Value)))
        {
            return new ContactKitError(DataSubjectsErrorCodes.IdentityCheckRequired, "An identity check must name at least one method and who carried it out.", "intake.identityCheck");
        }

        if (Representative is not null && (string.IsNullOrWhiteSpace(Representative.Relationship) || string.IsNullOrWhiteSpace(Representative.Authority) || string.IsNullOrEmpty(Representative.Name.Value)))
        {
            return new ContactKitError(DataSubjectsErrorCodes.InvalidRequest, "A representative needs a name, their relationship to the subject and the evidence of their authority to act.", "intake.representative");
        }

        return null;
    }
}
