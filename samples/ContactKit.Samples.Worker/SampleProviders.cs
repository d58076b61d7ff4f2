using ContactKit.Consent;

namespace ContactKit.Samples.Worker;

/// <summary>
/// The worker screens no telemarketing lists; the consent package needs a TPS/CTPS look-up registered all the same. A
/// service that calls from lists registers its screening supplier here.
/// </summary>
internal sealed class NoScreening : ITelephonePreferenceService
{
    public ValueTask<TelephonePreferenceRegisters> LookUpAsync(TelephoneNumber number, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This worker does not screen numbers against TPS or CTPS; register your screening supplier's ITelephonePreferenceService.");
}
