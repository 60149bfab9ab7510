using System.CommandLine;
using RetrievalService.Bench.Commands;

// Tables go to stdout so they can be pasted into docs/benchmarks.md; progress goes to stderr.
var root = new RootCommand("Cost and latency of the project's ONNX models (docs/benchmarks.md).")
{
    CostCommand.Create(),
    LatencyCommand.Create(),
    CudaCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
