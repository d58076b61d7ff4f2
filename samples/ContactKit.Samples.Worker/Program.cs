using ContactKit.Samples.Worker;

// The disposal sweep and the deadline watch as a worker, configured from appsettings.json.
// dotnet run -- --environment FakeClock runs a few simulated months in seconds and checks what happened.
return await WorkerSample.RunAsync(args);
