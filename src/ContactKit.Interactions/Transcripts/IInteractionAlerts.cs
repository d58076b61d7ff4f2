using NodaTime;

namespace ContactKit.Interactions;

/// <summary>
/// Where the interaction layer raises what an operator must look at straight away. ContactKit.Hosting sends each to its
/// compliance alerts; without it, nothing is raised beyond what is recorded on the recording session.
/// </summary>
public interface IInteractionAlerts
{
    /// <summary>Card data was found in a transcript outside a secure-payment pause: a pause that should have happened.</summary>
    /// <param name="sighting">Where and how many; never the card numbers.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the alert is raised.</returns>
    ValueTask CardDataSeenAsync(CardDataSighting sighting, CancellationToken cancellationToken = default);
}

/// <summary>Card data found outside a secure-payment pause.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Interaction">The interaction.</param>
/// <param name="Recording">The recording whose transcript held it.</param>
/// <param name="Count">How many card numbers were found.</param>
/// <param name="At">When they were found.</param>
public sealed record CardDataSighting(TenantId Tenant, InteractionId Interaction, RecordingId Recording, int Count, Instant At);

/// <summary>The default: raises nothing; the <see cref="ContactKit.Recording.CardDataSeen"/> event on the session is the record.</summary>
internal sealed class NoInteractionAlerts : IInteractionAlerts
{
    public ValueTask CardDataSeenAsync(CardDataSighting sighting, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
