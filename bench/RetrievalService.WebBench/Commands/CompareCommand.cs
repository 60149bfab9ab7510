using System.CommandLine;
using System.Text.Json;
using RetrievalService.Bench;
using RetrievalService.Cli;
using RetrievalService.SearchBench;
using RetrievalService.WebBench.Browser;
using RetrievalService.WebBench.Report;
using RetrievalService.WebBench.Service;

namespace RetrievalService.WebBench.Commands;

/// <summary><c>compare</c>: on-device embedding in the page against the server's decode and embed time, photo by photo.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var service = new ServiceOptions();
        var photos = new Option<DirectoryInfo?>("--photos") { Description = "Query with every .jpg, .jpeg and .png of this folder (default: twenty photos of the Debian photo pool)." };
        var models = new Option<string[]>("--models")
        {
            Description = "Query models to compare (served ones; GET /models lists them).",
            DefaultValueFactory = _ => ["teacher-resnet18-gem-int8", "student-mnv2-regression-int8"],
            AllowMultipleArgumentsPerToken = true,
        };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured runs per model on each side first.", DefaultValueFactory = _ => 2 };
        var repeat = new Option<int>("--repeat") { Description = "Measured runs per photo.", DefaultValueFactory = _ => 1 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write every measurement as JSON to this file." };
        var command = new Command("compare", "Embed each photo in the page (onnxruntime-web) and on the server, and print a Markdown table.")
        {
            photos, models, warmup, repeat, json,
        };
        service.AddTo(command);
        var errors = new CommandErrors("web-bench compare", CommandFailure.Input(e => e is FileNotFoundException or InvalidDataException or HttpRequestException or Microsoft.Playwright.PlaywrightException));
        command.SetAction(parse => errors.GuardAsync(async () =>
        {
            var key = ServiceOptions.ReadKey(parse.GetValue(service.KeyFile)!);
            var queries = QueryPhotos.Load(RepositoryRoot.Find(), parse.GetValue(photos));
            var report = await RunAsync(parse.GetValue(service.Url)!, key, parse.GetValue(service.Chromium)!, queries,
                parse.GetValue(models)!, parse.GetValue(warmup), parse.GetValue(repeat));
            Console.Write(report.ToMarkdown());
            if (parse.GetValue(json) is { } file)
            {
                Directory.CreateDirectory(file.DirectoryName!);
                await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(report, JsonOutput.Options));
                Progress.Line($"wrote {file.FullName}");
            }
            return 0;
        }));
        return command;
    }

    private static async Task<ComparisonReport> RunAsync(Uri url, string key, string chromium, IReadOnlyList<QueryPhoto> photos, string[] models, int warmup, int repeat)
    {
        var started = DateTimeOffset.UtcNow;
        var loadBefore = BenchMachine.LoadAverage();
        await using var browser = await HeadlessChromium.LaunchAsync(chromium);
        var page = await ServicePage.OpenAsync(browser.Browser, url, key, ServicePage.Desktop);
        var device = new OnDeviceEmbedder(page);
        using var server = new SearchClient(url, key);
        var comparison = new Comparison(device, server, warmup, repeat, Progress.Line);
        var measured = new Dictionary<string, IReadOnlyList<PhotoMeasurement>>();
        foreach (var model in models)
        {
            Progress.Line($"{model}: {photos.Count} photos × {repeat} after {warmup} warm-up runs");
            measured[model] = await comparison.MeasureAsync(model, photos);
        }
        var machine = BenchMachine.Current(browser.Browser.Version, await device.RuntimeVersionAsync());
        return new ComparisonReport(started, machine, loadBefore, BenchMachine.LoadAverage(), warmup, repeat,
            [.. measured.Select(m => ModelSummary.Of(m.Key, m.Value))], measured);
    }
}
