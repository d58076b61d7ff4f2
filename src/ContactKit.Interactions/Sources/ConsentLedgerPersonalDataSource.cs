using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using ContactKit.Consent;
using ContactKit.DataSubjects;

namespace ContactKit.Interactions;

/// <summary>
/// The consent ledger's records about a data subject, for rights requests: what they were told, what they agreed to or
/// withdrew, when, on which channel, relying on which notice version, with which evidence (the recording and the offset
/// where it happened). The ledger is the controller's proof of consent (UK GDPR Art 7(1)), so its items are reported as
/// held to comply with a legal obligation, which erasure keeps; a request to erase one is refused with
/// <see cref="InteractionsErrorCodes.ConsentEvidenceKept"/>, since the ledger is append-only.
/// </summary>
/// <remarks>Registered by <c>AddInteractions()</c> under the name <see cref="SourceName"/>.</remarks>
/// <param name="ledger">The consent ledger's store.</param>
internal sealed class ConsentLedgerPersonalDataSource(IConsentStore ledger) : IPersonalDataSource
{
    /// <summary>The source's name in the registry, and the source of every item it gives.</summary>
    public const string SourceName = "consent-ledger";

    /// <inheritdoc />
    public string Name => SourceName;

    /// <inheritdoc />
    public async IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in ledger.ReadBySubjectAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            yield return Item(record);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in ledger.ReadBySubjectAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            fields.Add(new("status", record.Status.ToString()));
            fields.Add(new("purposes", string.Join(", ", record.Purposes.Select(p => p.Value))));
            fields.Add(new("controller", record.Controller));
            fields.Add(new("channel", record.Channel.ToString()));
            fields.Add(new("method", record.Method.ToString()));
            fields.Add(new("recorded_at", record.RecordedAt.ToString("g", CultureInfo.InvariantCulture)));
            if (record.Notice is { } notice)
            {
                fields.Add(new("notice", notice.VersionId));
            }

            if (record.Evidence is { } evidence)
            {
                Add(fields, "evidence_recording", evidence.Recording?.Value);
                Add(fields, "evidence_offset_seconds", evidence.Offset?.TotalSeconds.ToString(CultureInfo.InvariantCulture));
                Add(fields, "evidence_interaction", evidence.Interaction?.Value);
                Add(fields, "evidence_reference", evidence.Reference);
            }

            yield return new PersonalDataRecord { Item = Item(record), Fields = fields.ToImmutable() };
        }
    }

    /// <inheritdoc />
    public async ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default)
    {
        await foreach (var record in ledger.ReadBySubjectAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
        {
            if (record.Id.Value == itemId)
            {
                return new ContactKitError(
                    InteractionsErrorCodes.ConsentEvidenceKept,
                    $"Consent record {Errors.Excerpt(itemId)} is the controller's proof of consent and the ledger is append-only; it is kept (Art 17(3)(b)).",
                    "itemId");
            }
        }

        return new ContactKitError(ErrorCodes.NotFound, $"The consent ledger holds no record {Errors.Excerpt(itemId)} about the subject.", "itemId");
    }

    private static PersonalDataItem Item(ConsentRecord record) => new()
    {
        Source = SourceName,
        ItemId = record.Id.Value,
        Category = record.DataCategories.IsDefaultOrEmpty ? DataCategories.Interaction.Key : record.DataCategories[0],
        LawfulBasis = LawfulBasis.LegalObligation,
        Purpose = record.Purposes.IsDefaultOrEmpty ? null : record.Purposes[0],
        RecordClass = "consent-record",
        Description = $"consent record: {record.Status} for {string.Join(", ", record.Purposes.Select(p => p.Value))}",
        CreatedAt = record.RecordedAt,
    };

    private static void Add(ImmutableArray<KeyValuePair<string, string>>.Builder fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }
    }
}
