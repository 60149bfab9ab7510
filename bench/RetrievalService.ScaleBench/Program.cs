using RetrievalService.ScaleBench;
using RetrievalService.StoreBench;

// Million-vector gallery bench for docs/results/scale (scripts/results/scale-million.sh runs the three steps):
//   scale-bench load    [--count 1000000] [--schema bench_scale] [--ef-search 40,100,200,400] [--maintenance-work-mem 4GB]
//                       [--parallel-workers 1] [--datasets <folder>,<folder>] [--queries-out scale-queries.json]
//   scale-bench latency --url <api> --key-file <file> --api-pid <pid> [--node primary=<postmaster pid>]...
//                       [--label primary] [--concurrency 1,4] [--duration 20] [--header true]
//   scale-bench drop    [--schema bench_scale]
// The database is GalleryStore__ConnectionString, as the hosts take it. Markdown on stdout, progress on stderr.
var command = args.FirstOrDefault();
var settings = ScaleSettings.Parse(args.Skip(1));
switch (command)
{
    case "load":
        await LoadCommand.RunAsync(settings);
        break;
    case "latency":
        await LatencyCommand.RunAsync(settings);
        break;
    case "drop":
        await ServerFacts.DropSchemaAsync(BenchDatabase.ConnectionString(), settings.Text("schema", "bench_scale"));
        break;
    default:
        Console.Error.WriteLine("usage: scale-bench load | latency | drop [--name value]...");
        return 2;
}
return 0;
