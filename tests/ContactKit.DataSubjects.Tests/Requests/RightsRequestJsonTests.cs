using System.Text.Json;
using NodaTime;
using static ContactKit.DataSubjects.Tests.Requests.RequestFixtures;

namespace ContactKit.DataSubjects.Tests.Requests;

public class RightsRequestJsonTests
{
    [Fact]
    public void RightsRequest_WithHistoryExtensionAndRepresentative_RoundTrips()
    {
        var intake = ByPhone with { Representative = new Representative(DataSubjects.PersonName.Parse("Sam Bloggs"), "son", "letter of authority", true) };
        var started = Apply(Receive(DataSubjectRight.Access, Monday2March, intake), RightsRequestCommand.Start, Monday2March).Value;
        var extended = Apply(started, (by, at, on) => RightsRequestCommand.Extend(by, at, on, "complex"), new LocalDate(2026, 3, 10)).Value with { Version = 3 };

        var json = JsonSerializer.Serialize(extended, DataSubjectsJson.Options);
        var back = JsonSerializer.Deserialize<RightsRequest>(json, DataSubjectsJson.Options);

        Assert.Contains("\"dueOn\":\"2026-06-02\"", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"Extended\"", json, StringComparison.Ordinal);
        Assert.Equal(extended, back);
    }

    [Fact]
    public void DataSubject_WithVerifiedIdentifiers_RoundTrips()
    {
        var subject = new DataSubject { Tenant = Council, Id = Caller, Kind = DataSubjectKind.Complainant }
            .WithVerifiedIdentifier(SubjectIdentifier.From(DataSubjects.DateOfBirth.Parse("14/03/1980", Monday2March)), At(Monday2March), "read from passport").Value
            .WithVerifiedIdentifier(SubjectIdentifier.From(DataSubjects.EmailAddress.Parse("jo@example.org")), At(Monday2March), "link clicked").Value;

        var json = JsonSerializer.Serialize(subject, DataSubjectsJson.Options);
        var back = JsonSerializer.Deserialize<DataSubject>(json, DataSubjectsJson.Options);

        Assert.Equal(subject, back);
    }
}
