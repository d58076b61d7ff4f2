using ContactKit.Cli;

return await ContactKitCommandLine.RunAsync(args, CliEnvironment.FromConsole()).ConfigureAwait(false);
