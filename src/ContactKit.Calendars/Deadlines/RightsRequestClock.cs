using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Calendars;

/// <summary>
/// One wait for clarification of a subject access request (UK GDPR Art 12A(5)(b)): the period beginning with the day
/// the controller asked and ending with the day it received the answer does not count, both days included.
/// </summary>
/// <param name="Asked">The day the controller asked the requester to clarify.</param>
/// <param name="Answered">The day the clarification arrived, or <see langword="null"/> while it is awaited.</param>
public readonly record struct ClarificationWait(LocalDate Asked, LocalDate? Answered);

/// <summary>
/// The facts that start and pause the statutory clock of a data subject's request (UK GDPR Art 12A): when the request,
/// the identity information asked for and the fee asked for arrived, and every wait for clarification. Dates are the
/// local dates, in the controller's time zone, on which each thing happened. Build it with <see cref="Start"/> or
/// <see cref="Create"/>, which refuses dates that step backwards; <see cref="StatutoryDeadlines"/> counts it.
/// </summary>
public readonly struct RightsRequestClock : IEquatable<RightsRequestClock>
{
    private readonly ImmutableArray<ClarificationWait> _clarifications;

    private RightsRequestClock(LocalDate received, LocalDate? identity, LocalDate? fee, ImmutableArray<ClarificationWait> clarifications)
    {
        Received = received;
        IdentityInformationReceived = identity;
        FeeReceived = fee;
        _clarifications = clarifications;
    }

    /// <summary>The day the request was received.</summary>
    public LocalDate Received { get; }

    /// <summary>The day identity information that was asked for arrived, if it was asked for.</summary>
    public LocalDate? IdentityInformationReceived { get; }

    /// <summary>The day a fee that was asked for arrived, if one was asked for.</summary>
    public LocalDate? FeeReceived { get; }

    /// <summary>Every clarification wait, oldest first; the last may still be awaited.</summary>
    public ImmutableArray<ClarificationWait> Clarifications => _clarifications.IsDefault ? [] : _clarifications;

    /// <summary>
    /// The relevant time (Art 12A(2)): the latest of <see cref="Received"/>, <see cref="IdentityInformationReceived"/>
    /// and <see cref="FeeReceived"/>. The period begins with this day.
    /// </summary>
    public LocalDate RelevantTime => LocalDate.Max(Received, LocalDate.Max(IdentityInformationReceived ?? Received, FeeReceived ?? Received));

    /// <summary>Whether clarification has been asked for and has not yet arrived, so the clock is stopped.</summary>
    public bool IsAwaitingClarification => !_clarifications.IsDefaultOrEmpty && _clarifications[^1].Answered is null;

    /// <summary>A clock for a request received on <paramref name="received"/>, with nothing else yet.</summary>
    /// <param name="received">The day the request was received.</param>
    /// <returns>The clock.</returns>
    public static RightsRequestClock Start(LocalDate received) => new(received, null, null, []);

    /// <summary>Builds a clock, refusing dates that step backwards.</summary>
    /// <param name="received">The day the request was received.</param>
    /// <param name="identityInformationReceived">The day identity information asked for arrived, if it was asked for.</param>
    /// <param name="feeReceived">The day a fee asked for arrived, if one was asked for.</param>
    /// <param name="clarifications">The clarification waits, oldest first; only the last may still be awaited.</param>
    /// <returns>
    /// The clock, or <see cref="CalendarsErrorCodes.ClockStepsBack"/> naming the field when a date is before the request
    /// was received, an answer is before its question, or a wait begins before the previous one ended.
    /// </returns>
    public static Result<RightsRequestClock> Create(
        LocalDate received,
        LocalDate? identityInformationReceived = null,
        LocalDate? feeReceived = null,
        IEnumerable<ClarificationWait>? clarifications = null)
    {
        if (identityInformationReceived is { } identity && identity < received)
        {
            return StepsBack("identityInformationReceived", $"The identity information is dated {identity:yyyy-MM-dd}, before the request was received on {received:yyyy-MM-dd}.");
        }

        if (feeReceived is { } fee && fee < received)
        {
            return StepsBack("feeReceived", $"The fee is dated {fee:yyyy-MM-dd}, before the request was received on {received:yyyy-MM-dd}.");
        }

        var waits = clarifications is null ? [] : clarifications.ToImmutableArray();
        var previous = received;
        for (var i = 0; i < waits.Length; i++)
        {
            var (asked, answered) = waits[i];
            if (i > 0 && waits[i - 1].Answered is null)
            {
                return StepsBack($"clarifications[{i}].asked", $"Clarification {i + 1} was asked on {asked:yyyy-MM-dd} while clarification {i} is still awaited; record its answer first.");
            }

            if (asked < previous)
            {
                var before = i == 0 ? $"the request was received on {received:yyyy-MM-dd}" : $"clarification {i} was answered on {previous:yyyy-MM-dd}";
                return StepsBack($"clarifications[{i}].asked", $"Clarification {i + 1} was asked on {asked:yyyy-MM-dd}, before {before}.");
            }

            if (answered is { } day && day < asked)
            {
                return StepsBack($"clarifications[{i}].answered", $"Clarification {i + 1} was answered on {day:yyyy-MM-dd}, before it was asked on {asked:yyyy-MM-dd}.");
            }

            previous = answered ?? asked;
        }

        return new RightsRequestClock(received, identityInformationReceived, feeReceived, waits);
    }

    /// <summary>
    /// The last day of the period of <paramref name="months"/> months beginning with the relevant time, before any move to
    /// a working day: the corresponding day of the later month (its last day where it has none), then one day later for
    /// every day of a clarification wait that falls inside the period as it runs. A wait still awaited counts its first
    /// day only, so the result is the earliest the period can end. A wait that begins after the period has ended does
    /// not reopen it.
    /// </summary>
    /// <param name="months">How many months.</param>
    /// <returns>The last day of the period.</returns>
    public LocalDate EndOfPeriod(int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return Extended(RelevantTime.PlusMonths(months));
    }

    /// <summary>
    /// The last day of a period that begins with the relevant time and would end on <paramref name="end"/> without
    /// clarification waits: one day later for every day of a wait that falls inside the period as it runs, as
    /// <see cref="EndOfPeriod"/> counts them (for example for a response period a tenant promises).
    /// </summary>
    /// <param name="end">The last day of the period without waits.</param>
    /// <returns>The last day of the period.</returns>
    public LocalDate Extended(LocalDate end)
    {
        var start = RelevantTime;
        if (_clarifications.IsDefaultOrEmpty)
        {
            return end;
        }

        LocalDate? lastExcluded = null;
        foreach (var (asked, answered) in _clarifications)
        {
            var from = asked < start ? start : asked;
            if (lastExcluded is { } excluded && from <= excluded)
            {
                from = excluded.PlusDays(1);
            }

            var to = answered ?? asked;
            if (to < from)
            {
                continue;
            }

            if (from > end)
            {
                break;
            }

            // Both the day of asking and the day of receiving are left out (Art 12A(5)(b)).
            end = end.PlusDays(Period.DaysBetween(from, to) + 1);
            lastExcluded = to;
        }

        return end;
    }

    /// <inheritdoc />
    public bool Equals(RightsRequestClock other) =>
        Received == other.Received && IdentityInformationReceived == other.IdentityInformationReceived &&
        FeeReceived == other.FeeReceived && Clarifications.AsSpan().SequenceEqual(other.Clarifications.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RightsRequestClock other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Received, IdentityInformationReceived, FeeReceived, Clarifications.Length);

    /// <summary>Whether two clocks hold the same facts.</summary>
    /// <param name="left">One clock.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(RightsRequestClock left, RightsRequestClock right) => left.Equals(right);

    /// <summary>Whether two clocks hold different facts.</summary>
    /// <param name="left">One clock.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(RightsRequestClock left, RightsRequestClock right) => !left.Equals(right);

    private static ContactKitError StepsBack(string field, string message) =>
        new(CalendarsErrorCodes.ClockStepsBack, message + " Dates of a request's clock never step backwards; correct the date.", field);
}
