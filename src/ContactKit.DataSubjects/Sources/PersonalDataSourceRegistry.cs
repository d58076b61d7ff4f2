using System.Collections.Immutable;

namespace ContactKit.DataSubjects;

/// <summary>The personal-data sources that rights requests reach, by name.</summary>
/// <remarks>Implementations must pass <c>ContactKit.Testing.PersonalDataSourceRegistryContractTests</c>.</remarks>
public interface IPersonalDataSourceRegistry
{
    /// <summary>Every source, in the order registered.</summary>
    IReadOnlyList<IPersonalDataSource> Sources { get; }

    /// <summary>Finds a source by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The source, or an error with code <see cref="ErrorCodes.NotFound"/>.</returns>
    Result<IPersonalDataSource> Get(string name);
}

/// <summary>
/// The registry ContactKit uses: every <see cref="IPersonalDataSource"/> registered in the service collection. The set of
/// sources is fixed when the registry is made, so it is safe to share between threads.
/// </summary>
public sealed class PersonalDataSourceRegistry : IPersonalDataSourceRegistry
{
    private readonly ImmutableArray<IPersonalDataSource> _sources;

    /// <summary>Creates a registry holding the given sources.</summary>
    /// <param name="sources">The sources, for example those registered in the service collection.</param>
    /// <exception cref="ContactKitException">
    /// Two sources share a name (<see cref="DataSubjectsErrorCodes.DuplicateDataSource"/>), or a name is not a valid id
    /// (<see cref="ErrorCodes.InvalidId"/>).
    /// </exception>
    public PersonalDataSourceRegistry(IEnumerable<IPersonalDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var accepted = ImmutableArray.CreateBuilder<IPersonalDataSource>();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(sources));
            if (Identifier.Validate(source.Name, "personal-data source name") is { } invalid)
            {
                throw new ContactKitException(invalid);
            }

            if (accepted.Any(s => s.Name == source.Name))
            {
                throw new ContactKitException(new ContactKitError(
                    DataSubjectsErrorCodes.DuplicateDataSource,
                    $"A personal-data source named {Errors.Excerpt(source.Name)} is registered twice; give each system its own name.",
                    "name"));
            }

            accepted.Add(source);
        }

        _sources = accepted.ToImmutable();
    }

    /// <inheritdoc />
    public IReadOnlyList<IPersonalDataSource> Sources => _sources;

    /// <inheritdoc />
    public Result<IPersonalDataSource> Get(string name)
    {
        var source = _sources.FirstOrDefault(s => s.Name == name);
        return source is null
            ? new ContactKitError(ErrorCodes.NotFound, $"No personal-data source named {Errors.Excerpt(name)} is registered.", "name")
            : Result<IPersonalDataSource>.Success(source);
    }
}
