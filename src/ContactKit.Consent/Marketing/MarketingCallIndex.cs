using System.Runtime.InteropServices;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>Why a number is suppressed.</summary>
[Flags]
public enum SuppressionReason : byte
{
    /// <summary>Not suppressed.</summary>
    None = 0,

    /// <summary>The subscriber opted out of marketing calls.</summary>
    OptedOut = 1,

    /// <summary>The subscriber objected to direct marketing.</summary>
    Objected = 2,
}

/// <summary>
/// Everything a marketing call decision needs, for a whole calling list and suppression set, in compact sorted arrays:
/// numbers as E.164 digits in a <see cref="ulong"/> array searched by halving, and beside each a screening date, its
/// registers, its suppression and whether it gave specific consent. A decision is one binary search and allocates nothing.
/// Immutable and safe to share between threads; build one with <see cref="Builder"/>.
/// </summary>
public sealed class MarketingCallIndex
{
    private const int NeverScreened = int.MinValue;

    private readonly ulong[] _numbers;
    private readonly Entry[] _entries;

    private MarketingCallIndex(ulong[] numbers, Entry[] entries, int screeningValidityDays)
    {
        _numbers = numbers;
        _entries = entries;
        ScreeningValidityDays = screeningValidityDays;
    }

    /// <summary>How many days a screening stays valid (28 by default, PECR regulation 21).</summary>
    public int ScreeningValidityDays { get; }

    /// <summary>How many numbers the index holds.</summary>
    public int Count => _numbers.Length;

    /// <summary>
    /// Decides whether <paramref name="number"/> may be called on <paramref name="today"/> (the tenant's local date): it must
    /// have been screened no more than <see cref="ScreeningValidityDays"/> days before today, be on neither register or have
    /// given specific consent, and not have opted out or objected.
    /// </summary>
    /// <param name="number">The number.</param>
    /// <param name="today">Today's date in the tenant's time zone.</param>
    /// <returns>The decision with every fact that applied.</returns>
    public CallDecision Decide(TelephoneNumber number, LocalDate today)
    {
        var index = _numbers.AsSpan().BinarySearch(number.Digits);
        if (index < 0)
        {
            return new CallDecision(number, false, CallFactors.NotScreened, null);
        }

        var entry = _entries[index];
        var factors = CallFactors.None;
        LocalDate? screenedOn = null;
        if (entry.ScreenedDay == NeverScreened)
        {
            factors |= CallFactors.NotScreened;
        }
        else
        {
            var screened = LocalDate.FromDateOnly(DateOnly.FromDayNumber(entry.ScreenedDay));
            screenedOn = screened;
            factors |= today.ToDateOnly().DayNumber - entry.ScreenedDay <= ScreeningValidityDays ? CallFactors.ScreenedWithinValidity : CallFactors.ScreeningStale;
        }

        var registers = (TelephonePreferenceRegisters)entry.Registers;
        if ((registers & TelephonePreferenceRegisters.Tps) != 0)
        {
            factors |= CallFactors.RegisteredTps;
        }

        if ((registers & TelephonePreferenceRegisters.Ctps) != 0)
        {
            factors |= CallFactors.RegisteredCtps;
        }

        if (entry.SpecificConsent)
        {
            factors |= CallFactors.SpecificConsent;
        }

        var suppression = (SuppressionReason)entry.Suppression;
        if ((suppression & SuppressionReason.OptedOut) != 0)
        {
            factors |= CallFactors.OptedOut;
        }

        if ((suppression & SuppressionReason.Objected) != 0)
        {
            factors |= CallFactors.Objected;
        }

        var mayCall = (factors & CallFactors.ScreenedWithinValidity) != 0 &&
                      (registers == TelephonePreferenceRegisters.None || entry.SpecificConsent) &&
                      suppression == SuppressionReason.None;
        return new CallDecision(number, mayCall, factors, screenedOn);
    }

    /// <summary>
    /// Counts the screenings valid on <paramref name="today"/> that go stale within the next <paramref name="withinDays"/>
    /// days, and finds the first day one of them is stale, so a list can be screened again before calls are refused.
    /// </summary>
    /// <param name="today">Today's date in the tenant's time zone.</param>
    /// <param name="withinDays">How many days ahead to look; zero or more.</param>
    /// <returns>How many go stale, and the first day one is stale.</returns>
    public ScreeningsGoingStale GoingStale(LocalDate today, int withinDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        var day = today.ToDateOnly().DayNumber;
        var count = 0;
        int? first = null;
        foreach (var entry in _entries)
        {
            if (entry.ScreenedDay == NeverScreened)
            {
                continue;
            }

            // Valid while today - screened <= validity: stale from screened + validity + 1.
            var staleFrom = entry.ScreenedDay + ScreeningValidityDays + 1;
            if (staleFrom > day && staleFrom <= day + withinDays)
            {
                count++;
                first = first is { } f && f <= staleFrom ? f : staleFrom;
            }
        }

        return new ScreeningsGoingStale(count, first is { } d ? LocalDate.FromDateOnly(DateOnly.FromDayNumber(d)) : null);
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private readonly record struct Entry(int ScreenedDay, byte Registers, byte Suppression, bool SpecificConsent);

    /// <summary>Collects screenings, suppressions and specific consents, then builds the index. Not thread-safe.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, Entry> _entries = [];

        /// <summary>Records a screening; a later screening of the same number replaces an earlier one.</summary>
        /// <param name="number">The number.</param>
        /// <param name="registers">The registers it was found on.</param>
        /// <param name="screenedOn">The tenant's local date of the screening.</param>
        /// <returns>This builder.</returns>
        public Builder AddScreening(TelephoneNumber number, TelephonePreferenceRegisters registers, LocalDate screenedOn)
        {
            var day = screenedOn.ToDateOnly().DayNumber;
            Update(number, e => e.ScreenedDay != NeverScreened && e.ScreenedDay > day ? e : e with { ScreenedDay = day, Registers = (byte)registers });
            return this;
        }

        /// <summary>Suppresses a number.</summary>
        /// <param name="number">The number.</param>
        /// <param name="reason">Why.</param>
        /// <returns>This builder.</returns>
        public Builder Suppress(TelephoneNumber number, SuppressionReason reason)
        {
            Update(number, e => e with { Suppression = (byte)(e.Suppression | (byte)reason) });
            return this;
        }

        /// <summary>Records that the subscriber gave this caller specific consent to marketing calls.</summary>
        /// <param name="number">The number.</param>
        /// <returns>This builder.</returns>
        public Builder AddSpecificConsent(TelephoneNumber number)
        {
            Update(number, e => e with { SpecificConsent = true });
            return this;
        }

        /// <summary>Applies a subject's marketing preferences for phone: an objection or opt-out suppresses, an opt-in is specific consent.</summary>
        /// <param name="number">The subject's number.</param>
        /// <param name="preferences">Their preferences.</param>
        /// <returns>This builder.</returns>
        public Builder Apply(TelephoneNumber number, MarketingPreferences preferences)
        {
            ArgumentNullException.ThrowIfNull(preferences);
            return preferences.MayMarket(MarketingChannel.Phone) switch
            {
                MarketingVerdict.Objected => Suppress(number, SuppressionReason.Objected),
                MarketingVerdict.OptedOut => Suppress(number, SuppressionReason.OptedOut),
                MarketingVerdict.OptedIn => AddSpecificConsent(number),
                _ => this,
            };
        }

        /// <summary>Builds the index.</summary>
        /// <param name="screeningValidityDays">How many days a screening stays valid; 28 under PECR regulation 21.</param>
        /// <returns>The index.</returns>
        public MarketingCallIndex Build(int screeningValidityDays = 28)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(screeningValidityDays);
            var numbers = _entries.Keys.ToArray();
            var entries = _entries.Values.ToArray();
            Array.Sort(numbers, entries);
            return new MarketingCallIndex(numbers, entries, screeningValidityDays);
        }

        private void Update(TelephoneNumber number, Func<Entry, Entry> change)
        {
            var current = _entries.TryGetValue(number.Digits, out var found) ? found : new Entry(NeverScreened, 0, 0, false);
            _entries[number.Digits] = change(current);
        }
    }
}
