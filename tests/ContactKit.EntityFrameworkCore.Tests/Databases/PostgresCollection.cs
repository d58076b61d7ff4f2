namespace ContactKit.EntityFrameworkCore.Tests;

/// <summary>Puts the PostgreSQL test classes in one collection, which stops the private server when they are done.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PostgreSQL";
}

/// <summary>Hands the shared server to the PostgreSQL test classes and stops it when the collection is done.</summary>
public sealed class PostgresFixture : IDisposable
{
    /// <summary>The server.</summary>
    public PostgresServer Server => PostgresServer.Instance;

    /// <summary>
    /// The database of one test class. With no server to be had, the test is skipped, saying why, on a developer's
    /// machine; under <c>CI=true</c> it fails, so that a CI run never passes without PostgreSQL.
    /// </summary>
    /// <param name="testClass">The test class.</param>
    /// <returns>The database.</returns>
    public PostgresDatabase Database(string testClass)
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Skip.If(Server.ConnectionString is null && !onCi, $"No PostgreSQL server for the tests: {Server.Unavailable}");
        return Server.Database(testClass);
    }

    /// <inheritdoc />
    public void Dispose() => Server.Dispose();
}
