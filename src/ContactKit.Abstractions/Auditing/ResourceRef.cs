namespace ContactKit;

/// <summary>Points at what an audit entry is about: a kind of resource and its id within the tenant.</summary>
/// <param name="Kind">The kind of resource in lower case, for example <c>recording</c>, <c>consent_record</c>, <c>rights_request</c>.</param>
/// <param name="Id">The resource's id as text.</param>
public readonly record struct ResourceRef(string Kind, string Id)
{
    /// <summary>Refers to a recording session.</summary>
    /// <param name="id">The recording id.</param>
    /// <returns>The reference.</returns>
    public static ResourceRef Recording(RecordingId id) => new("recording", id.Value);

    /// <summary>Refers to an interaction.</summary>
    /// <param name="id">The interaction id.</param>
    /// <returns>The reference.</returns>
    public static ResourceRef Interaction(InteractionId id) => new("interaction", id.Value);

    /// <summary>Refers to a consent record.</summary>
    /// <param name="id">The consent record id.</param>
    /// <returns>The reference.</returns>
    public static ResourceRef ConsentRecord(ConsentRecordId id) => new("consent_record", id.Value);

    /// <summary>Refers to a rights request.</summary>
    /// <param name="id">The request id.</param>
    /// <returns>The reference.</returns>
    public static ResourceRef RightsRequest(RightsRequestId id) => new("rights_request", id.Value);

    /// <summary>Refers to an item under a retention schedule.</summary>
    /// <param name="id">The item id.</param>
    /// <returns>The reference.</returns>
    public static ResourceRef RetainedItem(RetainedItemId id) => new("retained_item", id.Value);

    /// <summary>Returns <c>kind/id</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Kind}/{Id}";
}
