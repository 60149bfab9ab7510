using System.Globalization;
using System.Runtime.InteropServices;
using RetrievalService.DataSources.Photos;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.IndexBench;
using RetrievalService.Indexing;
using RetrievalService.Indexing.Pipeline;
using RetrievalService.SearchBench;
using RetrievalService.StoreBench;

// Indexing benchmark for docs/indexing.md: Markdown on stdout, progress on stderr.
var settings = BenchSettings.Parse(args);
var root = RepositoryRoot.Find();
var connectionString = BenchDatabase.ConnectionString();
var teacherManifest = ModelsOptions.ManifestPath(Path.Combine(root, "models"), new ModelsOptions().Teacher);
var photos = PhotoPool.Enumerate(Path.Combine(root, "data", "sources", "debs")).Take(settings.Limit).ToList();
var files = photos.Select(p => new IndexItem(p.Key.Replace('/', ':'), IndexContent.FromFile(p.Path), p.Path, null)).ToList();
var paths = photos.Select(p => p.Path).ToList();
var megabytes = paths.Sum(p => new FileInfo(p).Length) / 1048576.0;
var pipeline = new ImagePipeline(new ImageDecodeLimits());
void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
var loadBefore = LoadAverage();
var rows = new List<string>();
foreach (var threads in settings.Threads)
{
    using var teacher = OnnxEmbedder.Load(teacherManifest, new InferenceOptions { IntraOpThreads = threads });
    Progress($"{threads} thread(s): preparing {paths.Count} tensors for the raw teacher run");
    var tensors = RawTeacherBench.Prepare(paths, teacher, pipeline);
    var raw = RawTeacherBench.ImagesPerSecond(teacher, tensors, settings.EmbedBatch);
    tensors.ForEach(t => t.Dispose());
    Progress($"{threads} thread(s): decode only");
    var decode = RawTeacherBench.DecodeImagesPerSecond(paths, teacher, pipeline);
    Progress($"{threads} thread(s): end-to-end pipeline ({threads} decode worker(s))");
    var (endToEnd, stored) = await PipelineBench.RunAsync(connectionString, teacher, files, threads, settings);
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {threads} | {raw:F1} | {decode:F1} | {endToEnd:F1} | {100 * (1 - endToEnd / raw):F0} % | {stored} |"));
}

var cpu = File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
    : RuntimeInformation.ProcessArchitecture.ToString();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Machine: {Environment.ProcessorCount} logical cores, {cpu}; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}.
    Load average (1/5/15 min) before: {loadBefore}, after: {LoadAverage()}; a loaded machine skews every cell.
    Date: {DateTime.UtcNow:yyyy-MM-dd}. Command: `{settings.Describe()}`.
    Input: the first {paths.Count} photos of the Debian photo pool (`data/sources/debs`, {megabytes:F0} MiB of JPEG/PNG), teacher at its default size (longer side 224), embed batch {settings.EmbedBatch}, write batch {settings.WriteBatch}.

    | ORT threads = decode workers | Raw teacher (img/s) | Read + decode + resize, 1 thread (img/s) | End to end (img/s) | Pipeline overhead | Rows stored |
    |---:|---:|---:|---:|---:|---:|
    """));
rows.ForEach(Console.WriteLine);
