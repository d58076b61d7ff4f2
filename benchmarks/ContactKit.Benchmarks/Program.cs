using System.Reflection;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ContactKit.Benchmarks;
using ContactKit.Benchmarks.EntityFrameworkCore;
using ContactKit.EntityFrameworkCore.Tests;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/ContactKit.Benchmarks -- --filter '*' --exporters github
BenchmarkArguments.Arguments = args;

// The EF Core benchmarks run each case in a process of its own; one PostgreSQL server serves them all, so that a large
// database is filled once per run. The private server is started here, if one is needed and none is configured, and
// handed to the benchmark processes by the environment variable the test fixture reads; it stops when this process ends.
if (SelectsPostgres(args) && Environment.GetEnvironmentVariable(PostgresServer.Variable) is not { Length: > 0 } && PostgresServer.Instance.ConnectionString is { } started)
{
    Environment.SetEnvironmentVariable(PostgresServer.Variable, started);
}

try
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
finally
{
    // The SQLite databases of this run.
    if (Directory.Exists(BenchmarkDatabases.Folder))
    {
        Directory.Delete(BenchmarkDatabases.Folder, recursive: true);
    }
}

// Whether a benchmark that uses PostgreSQL matches a --filter pattern (BenchmarkDotNet's globs over Namespace.Type.Method).
static bool SelectsPostgres(string[] args)
{
    if (args.Any(a => a is "--list" or "--help" or "-h" or "--info" or "--version"))
    {
        return false;
    }

    var names = typeof(Program).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(BenchmarkDatabases).Namespace)
        .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).Select(m => $"{t.FullName}.{m.Name}"))
        .ToList();
    var patterns = args.SkipWhile(a => a is not ("--filter" or "-f")).Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
    return patterns.Any(p => names.Any(n => Regex.IsMatch(n, "^" + Regex.Escape(p).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase)));
}
