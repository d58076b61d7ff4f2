using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.DataSubjects;

/// <summary>What a subject-access export held: counts by source and category, and the recordings that need a redaction review.</summary>
public sealed record SubjectAccessExportSummary
{
    /// <summary>The tenant.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The data subject.</summary>
    public required DataSubjectId Subject { get; init; }

    /// <summary>The request answered, if given.</summary>
    public RightsRequestId? Request { get; init; }

    /// <summary>When the export was made.</summary>
    public required Instant GeneratedAt { get; init; }

    /// <summary>How many records were exported.</summary>
    public required long TotalRecords { get; init; }

    /// <summary>Records by source name, sorted by name; empty when none.</summary>
    public ImmutableSortedDictionary<string, long> RecordsBySource
    {
        get;
        init => field = value ?? ImmutableSortedDictionary<string, long>.Empty;
    } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>Records by data category key, sorted by key; empty when none.</summary>
    public ImmutableSortedDictionary<string, long> RecordsByCategory
    {
        get;
        init => field = value ?? ImmutableSortedDictionary<string, long>.Empty;
    } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>How many recordings or transcripts the subject took part in.</summary>
    public required long Recordings { get; init; }

    /// <summary>How many of them include other parties, whose contributions must be reviewed for redaction before release.</summary>
    public required long RecordingsForRedactionReview { get; init; }

    /// <summary>
    /// How many records were left out because the tenant holds them as a processor for a client
    /// (<see cref="PersonalDataItem.HeldAsProcessor"/>): the request is the client's to answer, and is referred to it.
    /// </summary>
    public long ReferredToController { get; init; }

    /// <summary>The summary in plain English, for the requester's covering letter or a reviewer.</summary>
    /// <returns>The text, one fact per line.</returns>
    public string ToReadableText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Copy of personal data held about {Subject} by {Tenant}, made {InstantPattern.General.Format(GeneratedAt)}");
        text.Append(Request is { } request ? $" for request {request}.\n" : ".\n");
        text.Append(CultureInfo.InvariantCulture, $"{TotalRecords} record{(TotalRecords == 1 ? string.Empty : "s")} from {RecordsBySource.Count} system{(RecordsBySource.Count == 1 ? string.Empty : "s")}.\n");
        foreach (var (source, count) in RecordsBySource)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {source}: {count}\n");
        }

        text.Append("By category:\n");
        foreach (var (category, count) in RecordsByCategory)
        {
            var name = DataCategories.All.FirstOrDefault(c => c.Key.Value == category)?.Name ?? category;
            text.Append(CultureInfo.InvariantCulture, $"  {name} ({category}): {count}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Recordings the subject took part in: {Recordings}; with other parties, to be reviewed for redaction before release: {RecordingsForRedactionReview}.\n");
        if (ReferredToController > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Left out, held for a client as its processor, the request passed to the client to answer: {ReferredToController}.\n");
        }

        return text.ToString();
    }
}

/// <summary>
/// Gathers a subject's personal data from every registered source into one JSON document, written to a stream as the
/// records arrive: records are never collected in memory, so a subject with 100,000 records costs no more memory than
/// one with ten. The document ends with a summary, also returned as <see cref="SubjectAccessExportSummary"/>. A record the
/// tenant holds as a processor for a client (<see cref="PersonalDataItem.HeldAsProcessor"/>) is left out and counted in
/// <see cref="SubjectAccessExportSummary.ReferredToController"/>: the client, its controller, answers for it.
/// </summary>
/// <param name="registry">The sources to gather from.</param>
/// <param name="clock">The clock that dates the export.</param>
public sealed class SubjectAccessExporter(IPersonalDataSourceRegistry registry, IClock clock)
{
    /// <summary>The buffered size at which the writer flushes to the stream.</summary>
    public const int FlushThresholdBytes = 32 * 1024;

    private readonly IPersonalDataSourceRegistry _registry = registry ?? throw new ArgumentNullException(nameof(registry));
    private readonly IClock _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Writes the export.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="subject">The data subject.</param>
    /// <param name="destination">The stream the JSON document is written to; left open.</param>
    /// <param name="request">The request being answered, if any.</param>
    /// <param name="cancellationToken">Stops the export.</param>
    /// <returns>The summary.</returns>
    public async Task<SubjectAccessExportSummary> ExportAsync(TenantId tenant, DataSubjectId subject, Stream destination, RightsRequestId? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var generatedAt = _clock.GetCurrentInstant();
        var bySource = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var byCategory = ImmutableSortedDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        long total = 0, recordings = 0, forReview = 0, referred = 0;

        var writer = new Utf8JsonWriter(destination);
        await using var disposeWriter = writer.ConfigureAwait(false);
        writer.WriteStartObject();
        writer.WriteString("kind", "subject_access_export");
        writer.WriteString("tenant", tenant.Value);
        writer.WriteString("subject", subject.Value);
        if (request is { } id)
        {
            writer.WriteString("request", id.Value);
        }

        writer.WriteString("generatedAt", InstantPattern.ExtendedIso.Format(generatedAt));
        writer.WriteStartArray("sources");
        foreach (var source in _registry.Sources)
        {
            long count = 0;
            writer.WriteStartObject();
            writer.WriteString("name", source.Name);
            writer.WriteStartArray("records");
            await foreach (var record in source.ExportAsync(tenant, subject, cancellationToken).ConfigureAwait(false))
            {
                if (record.Item.HeldAsProcessor)
                {
                    // The client's data, held for it as its processor: the client answers for it, not the tenant.
                    referred++;
                    continue;
                }

                WriteRecord(writer, record);
                count++;
                byCategory[record.Item.Category.Value] = byCategory.GetValueOrDefault(record.Item.Category.Value) + 1;
                if (record.Recording is { } recording)
                {
                    recordings++;
                    forReview += recording.NeedsRedactionReview ? 1 : 0;
                }

                if (writer.BytesPending >= FlushThresholdBytes)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.WriteNumber("recordCount", count);
            writer.WriteEndObject();
            bySource[source.Name] = count;
            total += count;
        }

        writer.WriteEndArray();
        var summary = new SubjectAccessExportSummary
        {
            Tenant = tenant,
            Subject = subject,
            Request = request,
            GeneratedAt = generatedAt,
            TotalRecords = total,
            RecordsBySource = bySource.ToImmutable(),
            RecordsByCategory = byCategory.ToImmutable(),
            Recordings = recordings,
            RecordingsForRedactionReview = forReview,
            ReferredToController = referred,
        };
        WriteSummary(writer, summary);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private static void WriteRecord(Utf8JsonWriter writer, PersonalDataRecord record)
    {
        var item = record.Item;
        writer.WriteStartObject();
        writer.WriteString("itemId", item.ItemId);
        writer.WriteString("category", item.Category.Value);
        writer.WriteString("lawfulBasis", item.LawfulBasis.ToString());
        writer.WriteString("lawfulBasisArticle", item.LawfulBasis.Article());
        WriteOptional(writer, "purpose", item.Purpose?.Value);
        WriteOptional(writer, "recordClass", item.RecordClass);
        WriteOptional(writer, "description", item.Description);
        WriteOptional(writer, "createdAt", item.CreatedAt is { } created ? InstantPattern.ExtendedIso.Format(created) : null);
        if (record.Fields.Length > 0)
        {
            writer.WriteStartArray("fields");
            foreach (var (name, value) in record.Fields)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("value", value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (record.Recording is { } recording)
        {
            writer.WriteStartObject("recording");
            writer.WriteString("recordingId", recording.Recording.Value);
            writer.WriteString("mediaReference", recording.MediaReference);
            writer.WriteString("channel", recording.Channel.ToString());
            WriteOptional(writer, "startedAt", recording.StartedAt is { } started ? InstantPattern.ExtendedIso.Format(started) : null);
            WriteOptional(writer, "length", recording.Length is { } length ? DurationPattern.Roundtrip.Format(length) : null);
            writer.WriteBoolean("needsRedactionReview", recording.NeedsRedactionReview);
            writer.WriteStartArray("participants");
            foreach (var participant in recording.Participants)
            {
                writer.WriteStartObject();
                writer.WriteString("party", participant.Party.Value);
                writer.WriteString("role", participant.Role);
                writer.WriteBoolean("isSubject", participant.IsSubject);
                writer.WriteBoolean("redactionReview", participant.NeedsRedactionReview);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, SubjectAccessExportSummary summary)
    {
        writer.WriteStartObject("summary");
        writer.WriteNumber("recordCount", summary.TotalRecords);
        writer.WriteStartObject("bySource");
        foreach (var (name, count) in summary.RecordsBySource)
        {
            writer.WriteNumber(name, count);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("byCategory");
        foreach (var (name, count) in summary.RecordsByCategory)
        {
            writer.WriteNumber(name, count);
        }

        writer.WriteEndObject();
        writer.WriteNumber("recordings", summary.Recordings);
        writer.WriteNumber("recordingsForRedactionReview", summary.RecordingsForRedactionReview);
        writer.WriteNumber("referredToController", summary.ReferredToController);
        writer.WriteString("text", summary.ToReadableText());
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
