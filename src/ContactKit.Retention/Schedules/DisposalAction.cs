namespace ContactKit.Retention;

/// <summary>What happens when a retention period ends. Later members keep more, so they win ties.</summary>
public enum DisposalAction
{
    /// <summary>The item is destroyed.</summary>
    Delete,

    /// <summary>The item is stripped of everything that identifies a person and the remainder kept.</summary>
    Anonymise,

    /// <summary>A person reviews whether the item is still needed; nothing is destroyed automatically.</summary>
    Review,
}

/// <summary>Why an item is kept. A legal obligation or legal claims may outweigh an erasure request.</summary>
public enum RetentionReason
{
    /// <summary>A law requires the record to be kept (UK GDPR Art 6(1)(c)).</summary>
    LegalObligation,

    /// <summary>The record is needed to perform a contract with the person.</summary>
    Contract,

    /// <summary>The record is needed for a task in the public interest (Art 6(1)(e)).</summary>
    PublicTask,

    /// <summary>The controller's legitimate interests, such as training and quality.</summary>
    LegitimateInterests,

    /// <summary>The person agreed to it being kept.</summary>
    Consent,

    /// <summary>The record may be needed to bring or defend legal claims.</summary>
    LegalClaims,
}
