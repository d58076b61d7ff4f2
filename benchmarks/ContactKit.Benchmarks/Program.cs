using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/ContactKit.Benchmarks -- --filter '*' --exporters github
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
