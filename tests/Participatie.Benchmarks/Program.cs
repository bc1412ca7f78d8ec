using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Participatie.Benchmarks -- --filter '*'`; BenchmarkDotNet's own options
// (--job short, --filter '*Lottery*', --list flat) choose what to run and how long.
BenchmarkSwitcher.FromAssembly(typeof(Participatie.Benchmarks.Inputs).Assembly).Run(args);
