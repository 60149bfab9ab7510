using System.Diagnostics;
using System.Text.Json;
using RetrievalService.AttackBench;
using RetrievalService.Bench;

// Hostile-client benchmark of a running API (docs/results/security): Markdown on stdout, progress on stderr, --json for all numbers.
// Usage: see BenchSettings.Usage (attack-bench --help).
if (args.Contains("--help") || args.Length == 0)
{
    Console.WriteLine(BenchSettings.Usage);
    return 0;
}
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

var repoRoot = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(repoRoot, "RetrievalService.sln")))
{
    repoRoot = Path.GetDirectoryName(repoRoot) ?? throw new InvalidOperationException("run inside the repository (the default photos are found from its root)");
}
var settings = BenchSettings.Parse(args, repoRoot);
var machine = MachineInfo.Current();
var loadBefore = MachineInfo.LoadAverage();
var started = DateTimeOffset.UtcNow;
var memory = ApiProcessMemory.Find(settings);
Progress($"{settings.Url}: API process {(memory is null ? "not found (no RSS)" : memory.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture))}; load {MachineInfo.FormatLoad(loadBefore)}");

using var normal = new SearchClient(settings, settings.NormalConcurrency);
if (settings.IndexFolder is not null)
{
    await GalleryIndexer.IndexAsync(normal.Http, settings.IndexFolder, settings.IndexCount, Progress);
}
// Warm-up: the first searches pay for JIT and the model's first runs; none of them is measured.
var clock = Stopwatch.StartNew();
for (var i = 0; i < 5; i++)
{
    var warm = await normal.SearchAsync(clock, CancellationToken.None);
    if (warm.Status != 200)
    {
        Progress($"warm-up search answered {warm.Status}: is the API up, the key right and the gallery indexed (--index-folder)?");
        return 2;
    }
}

SlowClientReport? slow = null;
OverloadReport? overload = null;
MemoryReport? memoryPeak = null;
if (settings.Scenarios.Contains("slow"))
{
    slow = await SlowClientReport.RunAsync(settings, normal, memory, Progress);
    Console.WriteLine(MarkdownReport.Slow(slow, settings));
}
if (settings.Scenarios.Contains("overload"))
{
    overload = await OverloadReport.RunAsync(settings, memory, Progress);
    Console.WriteLine(MarkdownReport.Overload(overload));
}
if (settings.Scenarios.Contains("memory"))
{
    memoryPeak = await MemoryScenario.RunAsync(settings, normal, memory ?? throw new InvalidOperationException("the memory scenario needs the API's process (--pid)"), Progress);
    Console.WriteLine(MarkdownReport.Memory(memoryPeak));
}
var loadAfter = MachineInfo.LoadAverage();
Console.WriteLine($"Machine: {machine}. Load average (1/5/15 min) before: {MachineInfo.FormatLoad(loadBefore)}, after: {MachineInfo.FormatLoad(loadAfter)}.");

if (settings.JsonPath is not null)
{
    var document = new
    {
        startedUtc = started,
        machine,
        loadAverageBefore = loadBefore,
        loadAverageAfter = loadAfter,
        // The key itself never goes into a results file.
        settings = settings with { ApiKey = settings.ApiKey is null ? null : "(given)", QueryPath = Path.GetRelativePath(repoRoot, settings.QueryPath), IndexFolder = settings.IndexFolder is null ? null : Path.GetRelativePath(repoRoot, settings.IndexFolder), JsonPath = null },
        apiPid = memory?.Pid,
        slowClient = slow,
        overload,
        memory = memoryPeak,
    };
    Directory.CreateDirectory(Path.GetDirectoryName(settings.JsonPath)!);
    await File.WriteAllTextAsync(settings.JsonPath, JsonSerializer.Serialize(document, JsonOutput.Options));
    Progress($"wrote {settings.JsonPath}");
}
return 0;
