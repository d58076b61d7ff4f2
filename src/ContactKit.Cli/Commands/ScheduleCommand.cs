using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ContactKit.Policies;
using ContactKit.Retention;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace ContactKit.Cli;

/// <summary>
/// <c>contactkit schedule dry-run FILE --database DB</c>: how the policy's retention schedule would move the items already
/// stored (earlier, later, unchanged, due now), read through the store's <see cref="IRetentionStore"/> and never written.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Build(CliEnvironment environment, Option<bool> json)
    {
        var file = new Argument<string>("FILE") { Description = "The policy's JSON file; its tenant's stored items are read." };
        var database = new Option<string>("--database", "-d")
        {
            Description = "The store: a SQLite file path (opened read-only) or a PostgreSQL connection string (Host=...;Database=...;Username=...).",
            Required = true,
        };
        var allowShortening = new Option<bool>("--allow-shortening")
        {
            Description = "Count items the policy would dispose of earlier as moving (as applying with shortening allowed would); by default they keep their date.",
        };
        var timeZone = new Option<string?>("--time-zone")
        {
            Description = "The tenant's time zone (IANA id) for calendar periods; Europe/London when not given.",
        };
        var dryRun = new Command("dry-run", "Reports how many stored items the policy's retention schedule would dispose of earlier or later, leave unchanged, or make due now. Reads only.")
        {
            file,
            database,
            allowShortening,
            timeZone,
        };
        dryRun.SetAction((parsed, cancellationToken) => DryRunAsync(
            environment,
            new DryRunArguments(parsed.GetRequiredValue(file), parsed.GetRequiredValue(database), parsed.GetValue(allowShortening), parsed.GetValue(timeZone), parsed.GetValue(json)),
            cancellationToken));
        return new Command("schedule", "Works with the retention schedule a policy states.") { dryRun };
    }

    private static async Task<int> DryRunAsync(CliEnvironment environment, DryRunArguments args, CancellationToken cancellationToken)
    {
        var (policy, exit) = await PolicyFiles.LoadAsync(environment, args.File, args.Json, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            return exit;
        }

        if (args.TimeZone is { } zoneId && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is null)
        {
            await PolicyFiles.UsageErrorAsync(environment, $"--time-zone {zoneId}", "is not an IANA time zone id (such as Europe/London)", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var services = new ServiceCollection();
        services.AddSingleton(environment.Clock);
        var builder = services.AddContactKit(o =>
        {
            if (args.TimeZone is { } zone)
            {
                o.DefaultTimeZoneId = zone;
            }
        });
        try
        {
            builder.AddPolicy(policy);
        }
        catch (ContactKitException e)
        {
            // A policy that loads but cannot configure a host: no tenant, or a retention entry nothing could enforce.
            await PolicyFiles.WriteFindingsAsync(environment, args.File, args.Json, loaded: true, [new FindingReport(e.Error.Code, "error", e.Error.Field ?? "$", e.Error.Message)], environment.Error, cancellationToken).ConfigureAwait(false);
            return ExitCodes.PolicyErrors;
        }

        if (environment.Stores(builder, args.Database) is { } wiringProblem)
        {
            await environment.Error.WriteLineAsync($"contactkit: error: {wiringProblem}.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var provider = services.BuildServiceProvider();
        await using (provider.ConfigureAwait(false))
        {
            return await PreviewAsync(environment, args, TenantId.Parse(policy.Tenant!), provider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> PreviewAsync(CliEnvironment environment, DryRunArguments args, TenantId tenant, IServiceProvider provider, CancellationToken cancellationToken)
    {
        var schedules = provider.GetRequiredService<IRetentionScheduleProvider>();
        if (provider.GetService<IRetentionStore>() is not { } stored)
        {
            await PolicyFiles.UsageErrorAsync(environment, "--database", "names no store this build of the tool can read retained items from", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var progress = new ProgressIndicator(environment.Error, environment.ErrorIsTerminal);
        var read = 0;
        var store = new ReadOnlyRetentionStore(stored, n => progress.ItemRead(read = n));
        var service = new RetentionService(store, provider.GetRequiredService<IAuditTrail>(), provider.GetRequiredService<IClock>(), provider.GetRequiredService<ITenantTimeZones>(), schedules);
        ScheduleChangeReport report;
        try
        {
            report = await service.PreviewScheduleChangeAsync(tenant, schedules.GetSchedule(tenant), args.AllowShortening, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or ContactKitException || e is InvalidOperationException { InnerException: DbException })
        {
            // EF Core wraps a failure it takes to be transient (a refused connection) in an InvalidOperationException.
            progress.Done(read);
            var subject = RetentionDatabase.IsConnectionString(args.Database) ? "--database (the PostgreSQL database)" : $"--database {args.Database}";
            var reason = e is ContactKitException coded ? $"{coded.Error.Code}: {coded.Error.Message}" : (e as DbException ?? e.InnerException)!.Message;
            await PolicyFiles.UsageErrorAsync(environment, subject, $"cannot be read as a ContactKit store: {reason.TrimEnd('.')}", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        progress.Done(read);
        await WriteAsync(environment, args, tenant, report, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Clean;
    }

    private static async Task WriteAsync(CliEnvironment environment, DryRunArguments args, TenantId tenant, ScheduleChangeReport report, CancellationToken cancellationToken)
    {
        var at = InstantPattern.General.Format(report.EvaluatedAt);
        if (args.Json)
        {
            var json = new DryRunReport(
                args.File, tenant.Value, report.Schedule, at, report.ShorteningAllowed, report.Items, report.Unchanged, report.Earlier, report.Later, report.KeptByNoShortening, report.BecomeDueNow);
            await environment.Output.WriteLineAsync(JsonSerializer.Serialize(json, CliJsonContext.Output.DryRunReport).AsMemory(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var o = environment.Output;
        var c = CultureInfo.InvariantCulture;
        await o.WriteLineAsync(string.Create(c, $"Dry run of {args.File} ({report.Schedule}) over {report.Items:N0} stored items of tenant {tenant.Value}, at {at}:").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  unchanged   {report.Unchanged,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        var kept = report.KeptByNoShortening > 0
            ? string.Create(c, $"  ({report.KeptByNoShortening:N0} keep their date: shortening is not allowed; --allow-shortening moves them)")
            : string.Empty;
        await o.WriteLineAsync(string.Create(c, $"  earlier     {report.Earlier,9:N0}{kept}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  later       {report.Later,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  due now     {report.BecomeDueNow,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync("Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private sealed record DryRunArguments(string File, string Database, bool AllowShortening, string? TimeZone, bool Json);
}
