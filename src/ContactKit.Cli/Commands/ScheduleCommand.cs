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
/// <c>contactkit schedule dry-run FILE --database DB [--future-only]</c>: how the policy's retention schedule would move
/// the items already stored (earlier, later, unchanged, held, due now, per record class), read through the store's
/// <see cref="IRetentionStore"/> and never written. Retroactive unless <c>--future-only</c> is given: the mode that moves
/// stored items is the one whose effect needs seeing before it is applied.
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
        var futureOnly = new Option<bool>("--future-only")
        {
            Description = "Count the change as future only: stored items keep their dates and only new items follow the policy. By default it is counted as retroactive, re-planning every stored item.",
        };
        var timeZone = new Option<string?>("--time-zone")
        {
            Description = "The tenant's time zone (IANA id) for calendar periods; Europe/London when not given.",
        };
        var dryRun = new Command("dry-run", "Reports how many stored items the policy's retention schedule would dispose of earlier or later, leave unchanged, or make due now, and how many are held, in all and per record class. Retroactive unless --future-only is given. Reads only.")
        {
            file,
            database,
            allowShortening,
            futureOnly,
            timeZone,
        };
        dryRun.SetAction((parsed, cancellationToken) => DryRunAsync(
            environment,
            new DryRunArguments(
                parsed.GetRequiredValue(file),
                parsed.GetRequiredValue(database),
                parsed.GetValue(futureOnly) ? ScheduleChangeMode.FutureOnly : ScheduleChangeMode.Retroactive,
                parsed.GetValue(allowShortening),
                parsed.GetValue(timeZone),
                parsed.GetValue(json)),
            cancellationToken));
        return new Command("schedule", "Works with the retention schedule a policy states.") { dryRun };
    }

    private static async Task<int> DryRunAsync(CliEnvironment environment, DryRunArguments args, CancellationToken cancellationToken)
    {
        if (args.Mode == ScheduleChangeMode.FutureOnly && args.AllowShortening)
        {
            await PolicyFiles.UsageErrorAsync(environment, "--allow-shortening", "has no effect with --future-only, which re-plans no stored item; give one or the other", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

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
            report = await service.PreviewScheduleChangeAsync(tenant, schedules.GetSchedule(tenant), args.Mode, args.AllowShortening, cancellationToken).ConfigureAwait(false);
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
        var mode = RetentionService.ModeName(report.Mode);
        if (args.Json)
        {
            var json = new DryRunReport(
                args.File, tenant.Value, report.Schedule, mode, at, report.ShorteningAllowed, report.Items, report.Unchanged, report.Earlier, report.Later, report.Held,
                report.KeptByNoShortening, report.KeptByHold, report.KeptByFutureOnly, report.BecomeDueNow,
                report.ByRecordClass.ToDictionary(p => p.Key.Value, p => new DryRunClassCounts(p.Value.Items, p.Value.Unchanged, p.Value.Earlier, p.Value.Later, p.Value.Held), StringComparer.Ordinal));
            await environment.Output.WriteLineAsync(JsonSerializer.Serialize(json, CliJsonContext.Output.DryRunReport).AsMemory(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var o = environment.Output;
        var c = CultureInfo.InvariantCulture;
        var how = report.Mode == ScheduleChangeMode.FutureOnly ? "future only" : "retroactive";
        await o.WriteLineAsync(string.Create(c, $"Dry run of {args.File} ({report.Schedule}), {how}, over {report.Items:N0} stored items of tenant {tenant.Value}, at {at}:").AsMemory(), cancellationToken).ConfigureAwait(false);
        var kept = (report.KeptByFutureOnly, report.KeptByNoShortening, report.KeptByHold) switch
        {
            ( > 0, _, _) => string.Create(c, $"  ({report.KeptByFutureOnly:N0} keep a date the policy would change: the change is future only)"),
            (_, > 0, _) => string.Create(c, $"  ({report.KeptByNoShortening:N0} the policy would bring forward keep their date: shortening is not allowed; --allow-shortening moves them)"),
            (_, _, > 0) => string.Create(c, $"  ({report.KeptByHold:N0} the policy would bring forward keep their date: a legal hold covers them)"),
            _ => string.Empty,
        };
        await o.WriteLineAsync(string.Create(c, $"  unchanged   {report.Unchanged,9:N0}{kept}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  earlier     {report.Earlier,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  later       {report.Later,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  held        {report.Held,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        await o.WriteLineAsync(string.Create(c, $"  due now     {report.BecomeDueNow,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
        if (!report.ByRecordClass.IsEmpty)
        {
            var width = Math.Max("record class".Length, report.ByRecordClass.Keys.Max(k => k.Value.Length));
            await o.WriteLineAsync(string.Create(c, $"  {"record class".PadRight(width)} {"items",9} {"unchanged",9} {"earlier",9} {"later",9} {"held",9}").AsMemory(), cancellationToken).ConfigureAwait(false);
            foreach (var (recordClass, counts) in report.ByRecordClass)
            {
                await o.WriteLineAsync(string.Create(c, $"  {recordClass.Value.PadRight(width)} {counts.Items,9:N0} {counts.Unchanged,9:N0} {counts.Earlier,9:N0} {counts.Later,9:N0} {counts.Held,9:N0}").AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        await o.WriteLineAsync("Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private sealed record DryRunArguments(string File, string Database, ScheduleChangeMode Mode, bool AllowShortening, string? TimeZone, bool Json);
}
