namespace ContactKit;

/// <summary>A personal data category in a <see cref="DataCategoryTaxonomy"/>: what it is called and how the law treats it.</summary>
/// <param name="Key">The dotted key, for example <c>contact.phone</c>.</param>
/// <param name="Name">The name a person reads in a notice or report.</param>
public sealed record DataCategory(DataCategoryKey Key, string Name)
{
    /// <summary>Special category data under UK GDPR Article 9 (health, ethnicity, beliefs, ...).</summary>
    public bool IsSpecialCategory { get; init; }

    /// <summary>Data that is inferred or generated from other data, such as AI sentiment or a summary.</summary>
    public bool IsDerived { get; init; }

    /// <summary>Data that must never be stored (for example payment card numbers, which are taken only in a secure pause).</summary>
    public bool IsNeverStored { get; init; }

    /// <summary>The matching W3C Data Privacy Vocabulary concept, where one exists.</summary>
    public Uri? DpvConcept { get; init; }
}

/// <summary>The personal data categories that ContactKit knows out of the box, covering every category in the reference notices.</summary>
public static class DataCategories
{
    private const string Dpv = "https://w3id.org/dpv/pd#";

    /// <summary><c>identifier</c>: things that identify a person.</summary>
    public static DataCategory Identifier { get; } = Make("identifier", "Identifiers", "Identifying");

    /// <summary><c>identifier.name</c>: a person's name.</summary>
    public static DataCategory Name { get; } = Make("identifier.name", "Name", "Name");

    /// <summary><c>identifier.username</c>: a username or account handle.</summary>
    public static DataCategory Username { get; } = Make("identifier.username", "Username", "Username");

    /// <summary><c>identifier.vehicle_registration</c>: a vehicle registration mark.</summary>
    public static DataCategory VehicleRegistration { get; } = Make("identifier.vehicle_registration", "Vehicle registration");

    /// <summary><c>identifier.national_insurance_number</c>: a UK National Insurance number.</summary>
    public static DataCategory NationalInsuranceNumber { get; } = Make("identifier.national_insurance_number", "National Insurance number", "NationalIdentificationNumber");

    /// <summary><c>personal</c>: facts about the person.</summary>
    public static DataCategory Personal { get; } = Make("personal", "Personal details");

    /// <summary><c>personal.date_of_birth</c>: date of birth.</summary>
    public static DataCategory DateOfBirth { get; } = Make("personal.date_of_birth", "Date of birth", "DateOfBirth");

    /// <summary><c>contact</c>: how to reach the person.</summary>
    public static DataCategory Contact { get; } = Make("contact", "Contact details", "Contact");

    /// <summary><c>contact.email</c>: an email address.</summary>
    public static DataCategory Email { get; } = Make("contact.email", "Email address", "EmailAddress");

    /// <summary><c>contact.address</c>: a postal address.</summary>
    public static DataCategory Address { get; } = Make("contact.address", "Postal address", "PhysicalAddress");

    /// <summary><c>contact.phone</c>: a telephone number.</summary>
    public static DataCategory Phone { get; } = Make("contact.phone", "Telephone number", "TelephoneNumber");

    /// <summary><c>contact.calling_line_identity</c>: the number presented by the caller's line (CLI).</summary>
    public static DataCategory CallingLineIdentity { get; } = Make("contact.calling_line_identity", "Calling line identity", "CallLog");

    /// <summary><c>interaction</c>: what happened in a contact.</summary>
    public static DataCategory Interaction { get; } = Make("interaction", "Interaction records");

    /// <summary><c>interaction.reason_for_contact</c>: why the person got in touch.</summary>
    public static DataCategory ReasonForContact { get; } = Make("interaction.reason_for_contact", "Reason for contact");

    /// <summary><c>interaction.complaint</c>: the details of a complaint.</summary>
    public static DataCategory Complaint { get; } = Make("interaction.complaint", "Complaint details");

    /// <summary><c>media</c>: recordings and transcripts.</summary>
    public static DataCategory Media { get; } = Make("media", "Recordings and transcripts");

    /// <summary><c>media.call_recording</c>: the audio of a call.</summary>
    public static DataCategory CallRecording { get; } = Make("media.call_recording", "Call recording");

    /// <summary><c>media.chat_transcript</c>: the text of a chat, chatbot or voice-assistant conversation.</summary>
    public static DataCategory ChatTranscript { get; } = Make("media.chat_transcript", "Chat transcript");

    /// <summary><c>derived</c>: data generated from other data.</summary>
    public static DataCategory Derived { get; } = Make("derived", "Derived data") with { IsDerived = true };

    /// <summary><c>derived.sentiment</c>: an AI judgement of how the contact went (positive, neutral, negative).</summary>
    public static DataCategory Sentiment { get; } = Make("derived.sentiment", "Sentiment analysis") with { IsDerived = true };

    /// <summary><c>derived.interaction_summary</c>: a generated summary of an interaction.</summary>
    public static DataCategory InteractionSummary { get; } = Make("derived.interaction_summary", "Interaction summary") with { IsDerived = true };

    /// <summary><c>employment</c>: recruitment and employment.</summary>
    public static DataCategory Employment { get; } = Make("employment", "Recruitment and employment");

    /// <summary><c>employment.application</c>: a job application and its assessment.</summary>
    public static DataCategory JobApplication { get; } = Make("employment.application", "Job application");

    /// <summary><c>employment.record</c>: an employee's file.</summary>
    public static DataCategory EmploymentRecord { get; } = Make("employment.record", "Employment record", "EmploymentHistory");

    /// <summary><c>payment</c>: payment details.</summary>
    public static DataCategory Payment { get; } = Make("payment", "Payment details");

    /// <summary><c>payment.card</c>: payment card details, taken only during a secure pause and never stored.</summary>
    public static DataCategory PaymentCard { get; } = Make("payment.card", "Payment card details", "PaymentCardNumber") with { IsNeverStored = true };

    /// <summary><c>marketing</c>: marketing preferences.</summary>
    public static DataCategory Marketing { get; } = Make("marketing", "Marketing");

    /// <summary><c>marketing.preference</c>: opt-ins, opt-outs and objections to direct marketing.</summary>
    public static DataCategory MarketingPreference { get; } = Make("marketing.preference", "Marketing preferences");

    /// <summary><c>special</c>: special category data.</summary>
    public static DataCategory Special { get; } = Make("special", "Special category data") with { IsSpecialCategory = true };

    /// <summary><c>special.health</c>: health, disability and care needs.</summary>
    public static DataCategory Health { get; } = Make("special.health", "Health", "Health") with { IsSpecialCategory = true };

    /// <summary>Every predefined category, broadest first.</summary>
    public static IReadOnlyList<DataCategory> All { get; } =
    [
        Identifier, Name, Username, VehicleRegistration, NationalInsuranceNumber,
        Personal, DateOfBirth,
        Contact, Email, Address, Phone, CallingLineIdentity,
        Interaction, ReasonForContact, Complaint,
        Media, CallRecording, ChatTranscript,
        Derived, Sentiment, InteractionSummary,
        Employment, JobApplication, EmploymentRecord,
        Payment, PaymentCard,
        Marketing, MarketingPreference,
        Special, Health,
    ];

    private static DataCategory Make(string key, string name, string? dpv = null) =>
        new(DataCategoryKey.Parse(key), name) { DpvConcept = dpv is null ? null : new Uri(Dpv + dpv) };
}
