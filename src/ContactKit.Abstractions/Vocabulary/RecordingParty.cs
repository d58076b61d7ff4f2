namespace ContactKit;

/// <summary>The part a party plays in an interaction.</summary>
public enum PartyRole
{
    /// <summary>The person who contacted the organisation, or was contacted by it.</summary>
    Caller = 1,

    /// <summary>A member of staff handling the interaction.</summary>
    Agent = 2,

    /// <summary>A member of staff listening in or joining to help.</summary>
    Supervisor = 3,

    /// <summary>Anyone else brought in by a transfer or conference, such as an interpreter or another organisation.</summary>
    ThirdParty = 4,
}

/// <summary>What must happen before a party's interaction may be captured, from least to most strict.</summary>
public enum CaptureRequirement
{
    /// <summary>Nothing needs to be said before capture (for example where one party's consent suffices).</summary>
    None = 0,

    /// <summary>Being told that the interaction is recorded; continuing after the notice counts as agreement.</summary>
    Notice = 1,

    /// <summary>Agreeing actively (a key press, a spoken yes), recorded with its evidence, after being told.</summary>
    ExplicitConsent = 2,
}

/// <summary>
/// A party to an interaction, as both the consent rules and the recording lifecycle speak of them.
/// </summary>
/// <param name="Id">The party's id within the interaction.</param>
/// <param name="Role">The part they play.</param>
/// <param name="Jurisdiction">Where they are, or <see langword="null"/> when not known (the consent rules then apply the strictest requirement).</param>
/// <param name="Requirement">
/// What the party must have before capture, as the consent rules decided for their jurisdiction: a notice (the default),
/// explicit consent (for example a party in <c>US-CA</c>) or nothing. The consent rules decide it; the recording
/// lifecycle enforces it. Staff counted as told through their employment need no notice whatever this says.
/// </param>
public readonly record struct RecordingParty(PartyId Id, PartyRole Role, Jurisdiction? Jurisdiction, CaptureRequirement Requirement = CaptureRequirement.Notice);
