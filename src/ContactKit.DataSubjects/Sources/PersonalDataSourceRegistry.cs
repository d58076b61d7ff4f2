using System.Collections.Immutable;

namespace ContactKit.DataSubjects;

/// <summary>The personal-data sources that rights requests reach, by name.</summary>
/// <remarks>Implementations must pass <c>ContactKit.Testing.PersonalDataSourceRegistryContractTests</c>.</remarks>
public interface IPersonalDataSourceRegistry
{
    /// <summary>Every registered source, in the order registered.</summary>
    IReadOnlyList<IPersonalDataSource> Sources { get; }

    /// <summary>Registers a source.</summary>
    /// <param name="source">The source.</param>
    /// <returns>The source, or an error: <see cref="DataSubjectsErrorCodes.DuplicateDataSource"/> when the name is taken, <see cref="ErrorCodes.InvalidId"/> when it is not a valid name.</returns>
    Result<IPersonalDataSource> Register(IPersonalDataSource source);

    /// <summary>Finds a source by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The source, or an error with code <see cref="ErrorCodes.NotFound"/>.</returns>
    Result<IPersonalDataSource> Get(string name);
}

/// <summary>
/// The registry ContactKit uses: every <see cref="IPersonalDataSource"/> registered in the service collection, plus any
/// registered at run time. Thread-safe.
/// </summary>
public sealed class PersonalDataSourceRegistry : IPersonalDataSourceRegistry
{
    private readonly Lock _gate = new();
    private ImmutableArray<IPersonalDataSource> _sources = [];

    /// <summary>Creates a registry holding the given sources.</summary>
    /// <param name="sources">The sources, for example those registered in the service collection.</param>
    /// <exception cref="ContactKitException">Two sources share a name, or a name is not valid.</exception>
    public PersonalDataSourceRegistry(IEnumerable<IPersonalDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var source in sources)
        {
            var result = Register(source);
            if (result.IsFailure)
            {
                throw new ContactKitException(result.Error);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IPersonalDataSource> Sources => _sources;

    /// <inheritdoc />
    public Result<IPersonalDataSource> Register(IPersonalDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Identifier.Validate(source.Name, "personal-data source name") is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            if (_sources.Any(s => s.Name == source.Name))
            {
                return new ContactKitError(
                    DataSubjectsErrorCodes.DuplicateDataSource,
                    $"A personal-data source named {Errors.Excerpt(source.Name)} is already registered; give each system its own name.",
                    "name");
            }

            _sources = _sources.Add(source);
            return Result<IPersonalDataSource>.Success(source);
        }
    }

    /// <inheritdoc />
    public Result<IPersonalDataSource> Get(string name)
    {
        var source = _sources.FirstOrDefault(s => s.Name == name);
        return source is null
            ? new ContactKitError(ErrorCodes.NotFound, $"No personal-data source named {Errors.Excerpt(name)} is registered.", "name")
            : Result<IPersonalDataSource>.Success(source);
    }
}
