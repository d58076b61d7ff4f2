using ContactKit.Consent;
using CsCheck;
using NodaTime;

namespace ContactKit.Consent.Tests.Ledger;

public class ConsentStatesTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 5, 1, 9, 0);
    private static readonly DataSubjectId Alice = DataSubjectId.Parse("alice");
    private static readonly NoticeReference Notice = new(PrivacyNoticeId.Parse("notice"), 1, "en-GB", new string('c', 64));
    private static readonly Purpose[] Purposes = [Purpose.Marketing, Purpose.PartnerSharing, Purpose.Training];

    internal static ConsentRecord Record(ConsentStatus status, Instant at, Purpose purpose, Instant? expires = null, long sequence = 0) => new()
    {
        Id = ConsentRecordId.New(),
        Tenant = TenantId.Parse("council"),
        Subject = Alice,
        Controller = "Fen and Marsh Council",
        Purposes = [purpose],
        Channel = Channel.WebForm,
        Status = status,
        Method = ConsentMethod.OptInTick,
        Notice = Notice,
        RecordedAt = at,
        ExpiresAt = expires,
        Sequence = sequence,
    };

    [Fact]
    public void Derive_NoRecords_IsUnknown()
    {
        var state = ConsentStates.Derive([], Alice, Purpose.Marketing, Start);

        Assert.Equal(ConsentStatus.Unknown, state.Status);
        Assert.False(state.IsGiven);
    }

    [Fact]
    public void Derive_GivenThenWithdrawn_IsWithdrawnAtOnce()
    {
        var withdrawnAt = Start.Plus(Duration.FromMinutes(5));
        ConsentRecord[] records = [Record(ConsentStatus.Given, Start, Purpose.Marketing, sequence: 1), Record(ConsentStatus.Withdrawn, withdrawnAt, Purpose.Marketing, sequence: 2)];

        var before = ConsentStates.Derive(records, Alice, Purpose.Marketing, withdrawnAt.Minus(Duration.Epsilon));
        var after = ConsentStates.Derive(records, Alice, Purpose.Marketing, withdrawnAt);

        Assert.True(before.IsGiven);
        Assert.Equal(Start, before.GivenAt);
        Assert.Equal(ConsentStatus.Withdrawn, after.Status);
        Assert.Equal(withdrawnAt, after.WithdrawnAt);
    }

    [Fact]
    public void Derive_GivenPastItsExpiry_IsExpired()
    {
        var expires = Start.Plus(Duration.FromDays(365));
        ConsentRecord[] records = [Record(ConsentStatus.Given, Start, Purpose.Marketing, expires, 1)];

        Assert.True(ConsentStates.Derive(records, Alice, Purpose.Marketing, expires.Minus(Duration.Epsilon)).IsGiven);
        var state = ConsentStates.Derive(records, Alice, Purpose.Marketing, expires);
        Assert.Equal(ConsentStatus.Expired, state.Status);
        Assert.Equal(expires, state.ExpiresAt);
    }

    [Fact]
    public void Derive_OtherPurpose_IsNotAffected()
    {
        ConsentRecord[] records = [Record(ConsentStatus.Given, Start, Purpose.Marketing, sequence: 1), Record(ConsentStatus.Withdrawn, Start, Purpose.Training, sequence: 2)];

        Assert.True(ConsentStates.Derive(records, Alice, Purpose.Marketing, Start).IsGiven);
    }

    [Fact]
    public void Derive_GeneratedLedgers_StateIsAlwaysTheLastEventForSubjectAndPurpose()
    {
        var statuses = new[] { ConsentStatus.Requested, ConsentStatus.Given, ConsentStatus.Renewed, ConsentStatus.Refused, ConsentStatus.Withdrawn, ConsentStatus.Expired, ConsentStatus.Invalidated };
        var step = Gen.Select(Gen.Int[0, statuses.Length - 1], Gen.Int[0, Purposes.Length - 1], Gen.Int[0, 600], Gen.Int[0, 3]);

        step.Array[1, 40].Sample(steps =>
        {
            var ledger = new List<ConsentRecord>();
            var at = Start;
            foreach (var (s, p, minutes, expiry) in steps)
            {
                at = at.Plus(Duration.FromMinutes(minutes));
                var expires = expiry == 0 ? at.Plus(Duration.FromMinutes(90)) : (Instant?)null;
                ledger.Add(Record(statuses[s], at, Purposes[p], expires, ledger.Count + 1));

                // Invariants after every step, at the step's instant and a little later.
                foreach (var probe in new[] { at, at.Plus(Duration.FromMinutes(120)) })
                {
                    foreach (var purpose in Purposes)
                    {
                        var state = ConsentStates.Derive(ledger, Alice, purpose, probe);
                        var last = ledger.LastOrDefault(r => r.Covers(purpose) && r.RecordedAt <= probe);
                        var expected = last is null ? ConsentStatus.Unknown
                            : last.Status is ConsentStatus.Given or ConsentStatus.Renewed && last.ExpiresAt <= probe ? ConsentStatus.Expired
                            : last.Status;

                        Assert.Equal(expected, state.Status);
                        Assert.Same(last, state.LastRecord);
                        if (last?.Status is ConsentStatus.Withdrawn or ConsentStatus.Expired or ConsentStatus.Refused || (last?.ExpiresAt is { } e && e <= probe))
                        {
                            Assert.False(state.IsGiven);
                        }
                    }
                }
            }
        }, iter: 2000);
    }
}
