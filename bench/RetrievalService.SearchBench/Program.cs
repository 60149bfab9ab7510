using System.Globalization;
using System.Net.Http.Headers;
using RetrievalService.SearchBench;
using RetrievalService.StoreBench;

// End-to-end /search benchmark for docs/search-benchmarks.md: Markdown on stdout, progress on stderr.
// `search-bench accuracy --dataset <folder>` instead measures the service's mAP on a dataset (ServiceAccuracy);
// `search-bench inputs` the same search by a client-side vector, a small photo and a large one (QueryInputs).
// Options: --sizes 10000,100000  --concurrency 1,4,16  --modes asymmetric,symmetric  --duration 15  --warmup 3
//          --k 10  --expand 0 (αQE neighbours; a list such as 0,3 compares)  --query <image>
//          --connection <string> (default: GalleryStore__ConnectionString, as the API takes it)
var invariant = CultureInfo.InvariantCulture;
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
int[] Ints(string name, string fallback) => Option(name, fallback).Split(',').Select(s => int.Parse(s, invariant)).ToArray();
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

var repoRoot = RepositoryRoot.Find();
var sizes = Ints("--sizes", "10000,100000");
var concurrencies = Ints("--concurrency", "1,4,16");
var modes = Option("--modes", "asymmetric,symmetric").Split(',');
var duration = TimeSpan.FromSeconds(double.Parse(Option("--duration", "15"), invariant));
var warmup = TimeSpan.FromSeconds(double.Parse(Option("--warmup", "3"), invariant));
var k = int.Parse(Option("--k", "10"), invariant);
var expands = Ints("--expand", "0");
var queryPath = Path.GetFullPath(Option("--query",
    "data/sources/debs/opencv-doc/usr/share/doc/opencv-doc/examples/data/graf1.png"), repoRoot);
var connectionString = Option("--connection", "");
if (connectionString.Length == 0)
{
    connectionString = BenchDatabase.ConnectionString();
}
if (args.FirstOrDefault() == "accuracy")
{
    // search-bench accuracy --dataset <folder> [--modes asymmetric,symmetric] [--expand 0,3]: the service's mAP.
    var dataset = Path.GetFullPath(Option("--dataset", "data/datasets/photoviews/test"), repoRoot);
    var schema = "accuracy_" + System.Text.RegularExpressions.Regex.Replace(
        Path.GetRelativePath(repoRoot, dataset).ToLowerInvariant(), "[^a-z0-9]+", "_").Trim('_');
    await using var accuracyApi = await ApiProcess.StartAsync(repoRoot, connectionString, schema, Path.Combine(Path.GetTempPath(), $"search-bench-api-{schema}.log"));
    using var accuracyClient = new HttpClient { BaseAddress = accuracyApi.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    accuracyClient.DefaultRequestHeaders.Authorization = accuracyApi.Authorization;
    await ServiceAccuracy.RunAsync(accuracyClient, dataset, Option("--modes", "asymmetric,symmetric").Split(','), Ints("--expand", "0,3"), Progress);
    return;
}
if (args.FirstOrDefault() == "inputs")
{
    // search-bench inputs [--sizes 10000] [--concurrency 1,4] [--large <photo>]: a search by vector, by a small photo
    // (--query) and by a large one, on one gallery.
    var size = sizes[0];
    var inputsSchema = size % 1000 == 0 ? $"bench{size / 1000}k" : $"bench{size}";
    await GalleryLoader.LoadAsync(connectionString, inputsSchema, size, Progress);
    await using var inputsApi = await ApiProcess.StartAsync(repoRoot, connectionString, inputsSchema, Path.Combine(Path.GetTempPath(), $"search-bench-api-{inputsSchema}.log"));
    using var inputsClient = new HttpClient { BaseAddress = inputsApi.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    inputsClient.DefaultRequestHeaders.Authorization = inputsApi.Authorization;
    var large = Path.GetFullPath(Option("--large", "data/sources/debs/mate-backgrounds/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg"), repoRoot);
    var measured = await QueryInputs.RunAsync(inputsClient, repoRoot, queryPath, large, k, concurrencies, duration, warmup, Progress);
    Console.WriteLine($"Gallery {size:N0} vectors (schema {inputsSchema}), k = {k}, asymmetric, expand 0.");
    Console.WriteLine();
    Console.WriteLine("| Query | Concurrency | OK | 503 | Other errors | p50 | p99 | OK req/s | server decodeMs p50 | server embedMs p50 | server searchMs p50 |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var (input, r) in measured)
    {
        Console.WriteLine(string.Create(invariant,
            $"| {input} | {r.Concurrency} | {r.Ok} | {r.Saturated} | {r.OtherErrors} | {r.P50Ms:F1} ms | {r.P99Ms:F1} ms | {r.OkPerSecond:F1} | {r.ServerDecodeP50Ms:F1} ms | {r.ServerEmbedP50Ms:F1} ms | {r.ServerSearchP50Ms:F1} ms |"));
    }
    return;
}
var image = await File.ReadAllBytesAsync(queryPath);
var realImagesDir = Path.Combine(repoRoot, "data/sources/debs/opencv-doc/usr/share/doc/opencv-doc/examples/data");
var realImages = Directory.GetFiles(realImagesDir, "*.jpg").Order(StringComparer.Ordinal).Take(16).ToArray();

var results = new List<(int Size, LoadGenerator.Result Result)>();
foreach (var size in sizes)
{
    var schema = size % 1000 == 0 ? $"bench{size / 1000}k" : $"bench{size}";
    await GalleryLoader.LoadAsync(connectionString, schema, size, Progress);
    Progress($"{schema}: starting the API");
    await using var api = await ApiProcess.StartAsync(repoRoot, connectionString, schema, Path.Combine(Path.GetTempPath(), $"search-bench-api-{schema}.log"));
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Authorization = api.Authorization;

    // A few real photographs embedded by the teacher through /index (idempotent: unchanged on reruns).
    using (var form = new MultipartFormDataContent())
    {
        foreach (var path in realImages)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", "real-" + Path.GetFileName(path));
        }
        using var indexed = await client.PostAsync(new Uri("/index", UriKind.Relative), form);
        Progress($"{schema}: indexed {realImages.Length} real images: HTTP {(int)indexed.StatusCode}");
    }

    foreach (var (mode, expand) in modes.SelectMany(m => expands.Select(e => (m, e))))
    {
        Progress($"{schema}: warm-up {mode} expand={expand} ({warmup.TotalSeconds:F0} s at concurrency 4)");
        await LoadGenerator.RunAsync(client, image, Path.GetFileName(queryPath), mode, k, expand, 4, warmup);
        foreach (var concurrency in concurrencies)
        {
            var r = await LoadGenerator.RunAsync(client, image, Path.GetFileName(queryPath), mode, k, expand, concurrency, duration);
            Progress(string.Create(invariant,
                $"{schema} {mode} expand={expand} c={concurrency}: ok={r.Ok} 503={r.Saturated} other={r.OtherErrors} p50={r.P50Ms:F1} p99={r.P99Ms:F1} rps={r.OkPerSecond:F1} decode50={r.ServerDecodeP50Ms:F1} embed50={r.ServerEmbedP50Ms:F1} search50={r.ServerSearchP50Ms:F1} codes={string.Join(' ', r.StatusCodes.Select(p => $"{p.Key}:{p.Value}"))}"));
            results.Add((size, r));
        }
    }
}

Console.WriteLine("| Gallery | Mode | expand | Concurrency | OK | 503 saturated | Other errors | p50 | p99 | OK req/s | server decodeMs p50 | server embedMs p50 | server searchMs p50 |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (size, r) in results)
{
    Console.WriteLine(string.Create(invariant,
        $"| {size:N0} | {r.Mode} | {r.Expand} | {r.Concurrency} | {r.Ok} | {r.Saturated} | {r.OtherErrors} | {r.P50Ms:F1} ms | {r.P99Ms:F1} ms | {r.OkPerSecond:F1} | {r.ServerDecodeP50Ms:F1} ms | {r.ServerEmbedP50Ms:F1} ms | {r.ServerSearchP50Ms:F1} ms |"));
}
