using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// The current state of a subject's consent for one purpose, derived from the ledger: the status stated by the latest
/// record (a given or renewed consent past its expiry reads as <see cref="ConsentStatus.Expired"/>), with the instants it was given,
/// withdrawn and expires.
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="Status">The current status.</param>
/// <param name="LastRecord">The latest record for the subject and purpose, or <see langword="null"/>.</param>
public sealed record ConsentState(DataSubjectId Subject, Purpose Purpose, ConsentStatus Status, ConsentRecord? LastRecord)
{
    /// <summary>Whether the subject's consent for the purpose is in effect now.</summary>
    public bool IsGiven => Status is ConsentStatus.Given or ConsentStatus.Renewed;

    /// <summary>When the consent in the latest record was given, if it was.</summary>
    public Instant? GivenAt { get; init; }

    /// <summary>When it was withdrawn, if the latest record withdrew it.</summary>
    public Instant? WithdrawnAt { get; init; }

    /// <summary>When the given consent expires or expired, if it does.</summary>
    public Instant? ExpiresAt { get; init; }
}

/// <summary>Derives consent states from ledger records. Pure: the same records and instant always give the same state.</summary>
public static class ConsentStates
{
    /// <summary>
    /// The state of <paramref name="subject"/>'s consent for <paramref name="purpose"/> at <paramref name="at"/>: the latest
    /// record (by ledger sequence, then by the order given) that covers the purpose and was recorded by then.
    /// </summary>
    /// <param name="records">The subject's records; others are ignored.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="at">The instant.</param>
    /// <param name="category">When given, only records covering this data category count (for app permissions).</param>
    /// <returns>The state; <see cref="ConsentStatus.Unknown"/> when nothing applies.</returns>
    public static ConsentState Derive(IEnumerable<ConsentRecord> records, DataSubjectId subject, Purpose purpose, Instant at, DataCategoryKey? category = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ConsentRecord? last = null;
        foreach (var record in records)
        {
            if (record.Subject == subject && record.RecordedAt <= at && record.Covers(purpose) &&
                (category is not { } key || (!record.DataCategories.IsDefault && record.DataCategories.Contains(key))) &&
                (last is null || record.Sequence >= last.Sequence))
            {
                last = record;
            }
        }

        if (last is null)
        {
            return new ConsentState(subject, purpose, ConsentStatus.Unknown, null);
        }

        var status = last.Status;
        var given = status is ConsentStatus.Given or ConsentStatus.Renewed;
        if (given && last.ExpiresAt is { } expires && expires <= at)
        {
            status = ConsentStatus.Expired;
        }

        return new ConsentState(subject, purpose, status, last)
        {
            GivenAt = given ? last.RecordedAt : null,
            WithdrawnAt = status == ConsentStatus.Withdrawn ? last.RecordedAt : null,
            ExpiresAt = given ? last.ExpiresAt : null,
        };
    }
}
