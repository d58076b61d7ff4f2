using System.Collections.Concurrent;
using ContactKit.Consent;

namespace ContactKit.Testing;

/// <summary>
/// An <see cref="ITelephonePreferenceService"/> whose registers are set by the test. Every number not registered is on
/// neither register. Counts look-ups, so a test can check that numbers were (or were not) screened.
/// </summary>
public sealed class FakeTelephonePreferenceService : ITelephonePreferenceService
{
    private readonly ConcurrentDictionary<TelephoneNumber, TelephonePreferenceRegisters> _registered = new();
    private int _lookUps;

    /// <summary>How many look-ups have been made.</summary>
    public int LookUps => Volatile.Read(ref _lookUps);

    /// <summary>Puts a number on registers (replacing what it was on).</summary>
    /// <param name="number">The number.</param>
    /// <param name="registers">The registers.</param>
    /// <returns>This fake.</returns>
    public FakeTelephonePreferenceService Register(TelephoneNumber number, TelephonePreferenceRegisters registers)
    {
        _registered[number] = registers;
        return this;
    }

    /// <inheritdoc />
    public ValueTask<TelephonePreferenceRegisters> LookUpAsync(TelephoneNumber number, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _lookUps);
        return ValueTask.FromResult(_registered.TryGetValue(number, out var registers) ? registers : TelephonePreferenceRegisters.None);
    }
}
