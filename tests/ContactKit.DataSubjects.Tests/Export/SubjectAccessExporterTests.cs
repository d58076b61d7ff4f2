using System.Runtime.CompilerServices;
using System.Text.Json;
using ContactKit.Testing;
using NodaTime;

namespace ContactKit.DataSubjects.Tests.Export;

public class SubjectAccessExporterTests
{
    private static readonly TenantId Council = TenantId.Parse("council");
    private static readonly DataSubjectId Caller = DataSubjectId.Parse("caller-1");
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 20, 14, 30);

    [Fact]
    public async Task ExportAsync_TwoSources_OneJsonDocumentWithRecordsRecordingsAndSummary()
    {
        var registry = new PersonalDataSourceRegistry([Recorder(), Crm()]);
        var exporter = new SubjectAccessExporter(registry, FakeClocks.At(Now));
        using var stream = new MemoryStream();

        var summary = await exporter.ExportAsync(Council, Caller, stream, RightsRequestId.Parse("req-1"));

        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        Assert.Equal("caller-1", root.GetProperty("subject").GetString());
        Assert.Equal("req-1", root.GetProperty("request").GetString());
        Assert.Equal("2026-03-20T14:30:00Z", root.GetProperty("generatedAt").GetString());
        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["call-recorder", "crm"], sources.Select(s => s.GetProperty("name").GetString()));
        var recording = sources[0].GetProperty("records")[0].GetProperty("recording");
        Assert.True(recording.GetProperty("needsRedactionReview").GetBoolean());
        var parties = recording.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal([true, false], parties.Select(p => p.GetProperty("redactionReview").GetBoolean()));
        Assert.Equal("Art 6(1)(e)", sources[1].GetProperty("records")[0].GetProperty("lawfulBasisArticle").GetString());
        Assert.Equal("garden waste", sources[1].GetProperty("records")[0].GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("recordCount").GetInt64());

        Assert.Equal(3, summary.TotalRecords);
        Assert.Equal(2, summary.Recordings);
        Assert.Equal(1, summary.RecordingsForRedactionReview);
        Assert.Equal(2, summary.RecordsBySource["call-recorder"]);
        var text = summary.ToReadableText();
        Assert.Contains("3 records from 2 systems.", text, StringComparison.Ordinal);
        Assert.Contains("Call recording (media.call_recording): 2", text, StringComparison.Ordinal);
        Assert.Contains("to be reviewed for redaction before release: 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_NoSourcesHoldAnything_ValidEmptyDocument()
    {
        var exporter = new SubjectAccessExporter(new PersonalDataSourceRegistry([new InMemoryPersonalDataSource("crm")]), FakeClocks.At(Now));
        using var stream = new MemoryStream();

        var summary = await exporter.ExportAsync(Council, Caller, stream);

        using var doc = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(0, summary.TotalRecords);
        Assert.False(doc.RootElement.TryGetProperty("request", out _));
        Assert.Equal(0, doc.RootElement.GetProperty("sources")[0].GetProperty("recordCount").GetInt32());
    }

    [Fact]
    public async Task ExportAsync_HundredThousandRecords_StreamedWithoutHoldingThem()
    {
        const int Records = 100_000;
        var destination = new CountingStream();
        var source = new LargeSource(Records, destination);
        var exporter = new SubjectAccessExporter(new PersonalDataSourceRegistry([source]), FakeClocks.At(Now));

        var summary = await exporter.ExportAsync(Council, Caller, destination);

        Assert.Equal(Records, summary.TotalRecords);
        // Output reached the stream long before the last record was read: the export is not buffered.
        Assert.True(source.BytesWrittenAtHalfway > Records / 2 * 200, $"only {source.BytesWrittenAtHalfway} bytes written by record {Records / 2}");
        // Of the records sampled along the way, none was still alive when later ones were read.
        Assert.True(source.MostSampledAliveAtOnce <= 1, $"{source.MostSampledAliveAtOnce} earlier records were still in memory");
        Assert.True(destination.BytesWritten > Records * 250L);
        Assert.Equal(0, source.SampledStillAlive());

        // The JSON is still one well-formed document.
        Assert.True(destination.EndsWithClosingBrace);
    }

    private static InMemoryPersonalDataSource Recorder() =>
        new InMemoryPersonalDataSource("call-recorder")
            .Add(Council, Caller, new PersonalDataRecord
            {
                Item = Item("rec-1", DataCategories.CallRecording, "call about garden waste"),
                Recording = new RecordingCopy
                {
                    Recording = RecordingId.Parse("rec-1"),
                    MediaReference = "recordings/2026/03/rec-1.wav",
                    StartedAt = Instant.FromUtc(2026, 3, 2, 9, 15),
                    Length = Duration.FromMinutes(6),
                    Participants = [new(PartyId.Parse("agent-3"), "agent", false), new(PartyId.Parse("caller"), "caller", true)],
                },
            })
            .Add(Council, Caller, new PersonalDataRecord
            {
                Item = Item("rec-2", DataCategories.CallRecording, "voicemail"),
                Recording = new RecordingCopy { Recording = RecordingId.Parse("rec-2"), MediaReference = "recordings/rec-2.wav", Participants = [new(PartyId.Parse("caller"), "caller", true)] },
            })
            .Add(Council, DataSubjectId.Parse("someone-else"), Item("rec-3", DataCategories.CallRecording, "not theirs"));

    private static InMemoryPersonalDataSource Crm() =>
        new InMemoryPersonalDataSource("crm")
            .Add(Council, Caller, new PersonalDataRecord { Item = Item("enq-1", DataCategories.ReasonForContact, "enquiry"), Fields = [new("reason", "garden waste")] });

    private static PersonalDataItem Item(string id, DataCategory category, string description) => new()
    {
        Source = "set-by-source",
        ItemId = id,
        Category = category.Key,
        LawfulBasis = LawfulBasis.PublicTask,
        Purpose = Purpose.ServiceDelivery,
        Description = description,
    };

    /// <summary>Yields many records, keeping weak references to a sample of them to see whether the exporter holds on.</summary>
    private sealed class LargeSource(int count, CountingStream destination) : IPersonalDataSource
    {
        private readonly List<WeakReference<PersonalDataRecord>> _sampled = [];

        public string Name => "archive";

        public long BytesWrittenAtHalfway { get; private set; }

        public int MostSampledAliveAtOnce { get; private set; }

        public int SampledStillAlive()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return _sampled.Count(w => w.TryGetTarget(out _));
        }

        public IAsyncEnumerable<PersonalDataItem> FindAsync(TenantId tenant, DataSubjectId subject, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<PersonalDataRecord> ExportAsync(TenantId tenant, DataSubjectId subject, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var payload = new string('x', 200);
            for (var i = 0; i < count; i++)
            {
                if (i % 10_000 == 0 && i > 0)
                {
                    MostSampledAliveAtOnce = Math.Max(MostSampledAliveAtOnce, SampledStillAlive());
                }

                if (i == count / 2)
                {
                    BytesWrittenAtHalfway = destination.BytesWritten;
                }

                // A new string per record, so that each record's content is its own allocation.
                var record = new PersonalDataRecord
                {
                    Item = new PersonalDataItem { Source = Name, ItemId = $"item-{i}", Category = DataCategories.ReasonForContact.Key, LawfulBasis = LawfulBasis.Contract },
                    Fields = [new("note", string.Concat(payload, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
                };
                if (i % 1_000 == 0)
                {
                    _sampled.Add(new WeakReference<PersonalDataRecord>(record));
                }

                yield return record;
            }

            await Task.CompletedTask;
        }

        public ValueTask<Result<PersonalDataItem>> EraseAsync(TenantId tenant, DataSubjectId subject, string itemId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    /// <summary>A write-only stream that counts bytes and keeps only the last one.</summary>
    private sealed class CountingStream : Stream
    {
        private byte _last;

        public long BytesWritten { get; private set; }

        public bool EndsWithClosingBrace => _last == (byte)'}';

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => BytesWritten;

        public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.Length > 0)
            {
                BytesWritten += buffer.Length;
                _last = buffer[^1];
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
