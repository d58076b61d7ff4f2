using BenchmarkDotNet.Running;
using ContactKit.Benchmarks;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/ContactKit.Benchmarks -- --filter '*' --exporters github
BenchmarkArguments.Arguments = args;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
