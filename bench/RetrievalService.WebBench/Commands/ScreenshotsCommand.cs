using System.CommandLine;
using Microsoft.Playwright;
using RetrievalService.Cli;
using RetrievalService.SearchBench;
using RetrievalService.WebBench.Browser;
using RetrievalService.WebBench.Service;

namespace RetrievalService.WebBench.Commands;

/// <summary><c>screenshots</c>: the Search view after a real search by photo, on a desktop and on a phone, for docs/web.md.</summary>
internal static class ScreenshotsCommand
{
    private const string DefaultQuery = "data/sources/debs/lomiri-wallpapers-16.04/usr/share/backgrounds/aitzgorri_by_Aitzol_Berasategi.jpg";

    // A desktop shows the query and the first results from the top of the page; on a phone the form fills the first
    // screen, so its picture starts at the results.
    private static readonly (string Name, string ScrollTo, BrowserNewContextOptions Options)[] Screens =
    [
        ("web-search-desktop", "header", ServicePage.Desktop),
        ("web-search-phone", "#results-heading", new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        }),
    ];

    public static Command Create()
    {
        var service = new ServiceOptions();
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the pictures.", DefaultValueFactory = _ => new DirectoryInfo("docs/images") };
        var query = new Option<FileInfo?>("--query") { Description = "The query photo (default: a landscape of the photo pool)." };
        var k = new Option<int>("--k") { Description = "Results asked for.", DefaultValueFactory = _ => 12 };
        var maxBytes = new Option<int>("--max-bytes") { Description = "Above this a picture is saved as JPEG instead of PNG.", DefaultValueFactory = _ => 400_000 };
        var command = new Command("screenshots", "Search by photo in the page and save the Search view on a desktop and a phone viewport.")
        {
            output, query, k, maxBytes,
        };
        service.AddTo(command);
        var errors = new CommandErrors("web-bench screenshots", CommandFailure.Input(e => e is FileNotFoundException or InvalidDataException or PlaywrightException));
        command.SetAction(parse => errors.GuardAsync(async () =>
        {
            var key = ServiceOptions.ReadKey(parse.GetValue(service.KeyFile)!);
            var photo = parse.GetValue(query)?.FullName ?? Path.Combine(RepositoryRoot.Find(), DefaultQuery);
            if (!File.Exists(photo))
            {
                throw new FileNotFoundException($"{photo} is missing; run scripts/fetch-photos.sh or pass --query.", photo);
            }
            var folder = parse.GetValue(output)!;
            folder.Create();
            await WarmUpAsync(parse.GetValue(service.Url)!, key, photo);
            await using var browser = await HeadlessChromium.LaunchAsync(parse.GetValue(service.Chromium)!);
            foreach (var (name, scrollTo, options) in Screens)
            {
                var page = await ServicePage.OpenAsync(browser.Browser, parse.GetValue(service.Url)!, key, options);
                await SearchScreenshot.SearchAsync(page, photo, parse.GetValue(k), scrollTo);
                var file = await SearchScreenshot.SaveAsync(page, folder.FullName, name, parse.GetValue(maxBytes));
                Progress.Line($"wrote {file.FullName} ({file.Length:N0} bytes)");
                Console.WriteLine(Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName));
                await page.Context.CloseAsync();
            }
            return 0;
        }));
        return command;
    }

    // The pictures show the server's timings: searched twice first, the API has compiled its code and loaded the
    // model, so they are not a cold start's.
    private static async Task WarmUpAsync(Uri url, string key, string photo)
    {
        using var server = new SearchClient(url, key);
        var bytes = await File.ReadAllBytesAsync(photo);
        for (var i = 0; i < 2; i++)
        {
            await server.ByPhotoAsync(bytes, Path.GetFileName(photo), QueryPhotos.MediaTypeOf(photo), model: null, k: 1);
        }
    }
}
