using System.Collections.Immutable;
using NodaTime;

namespace ContactKit.Consent;

/// <summary>
/// How many screenings of an index go stale soon: those valid today whose validity ends within a window.
/// </summary>
/// <param name="Count">How many numbers' screenings go stale within the window.</param>
/// <param name="FirstStaleOn">The first day one of them is stale (must not be called before it is screened again), if any.</param>
public readonly record struct ScreeningsGoingStale(int Count, LocalDate? FirstStaleOn);

/// <summary>A calling list's current index, as the host published it.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Name">The calling list's name (an id: letters, digits and '. _ - :'); it names the list in alerts, never a number.</param>
/// <param name="Index">The index the host decides the list's calls against.</param>
public sealed record ScreenedCallingList(TenantId Tenant, string Name, MarketingCallIndex Index);

/// <summary>
/// The calling lists a host currently calls from, each with the <see cref="MarketingCallIndex"/> it decides calls against,
/// so that the deadline watch (<c>ContactKit.Hosting</c>) can warn before a list's screenings go stale. A host publishes a
/// list's index each time it builds one and withdraws the list when the campaign ends. Held in the process, as the
/// indexes are; thread-safe. <c>AddConsent()</c> registers one per container.
/// </summary>
public sealed class CallingListScreenings
{
    private ImmutableDictionary<(TenantId Tenant, string Name), ScreenedCallingList> _lists = ImmutableDictionary<(TenantId, string), ScreenedCallingList>.Empty;

    /// <summary>Publishes a calling list's index, replacing the one published before under that name.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The list's name.</param>
    /// <param name="index">Its index.</param>
    /// <returns>The published list, or the invalid-id error (<see cref="ErrorCodes.InvalidId"/>) when <paramref name="name"/> is not a valid id.</returns>
    public Result<ScreenedCallingList> Publish(TenantId tenant, string name, MarketingCallIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (Identifier.Validate(name, "calling list name") is { } error)
        {
            return error;
        }

        var list = new ScreenedCallingList(tenant, name, index);
        ImmutableInterlocked.AddOrUpdate(ref _lists, (tenant, name), list, (_, _) => list);
        return list;
    }

    /// <summary>Withdraws a calling list: it is no longer called from, so its screenings no longer matter.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="name">The list's name.</param>
    /// <returns>Whether the list was published.</returns>
    public bool Withdraw(TenantId tenant, string name) => ImmutableInterlocked.TryRemove(ref _lists, (tenant, name), out _);

    /// <summary>The tenant's published calling lists, by name.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The lists, ordered by name.</returns>
    public IReadOnlyList<ScreenedCallingList> Read(TenantId tenant) =>
        [.. _lists.Values.Where(l => l.Tenant == tenant).OrderBy(l => l.Name, StringComparer.Ordinal)];
}
