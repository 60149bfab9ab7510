using Microsoft.Playwright;

namespace RetrievalService.WebBench.Browser;

/// <summary>
/// Debian's chromium driven by Playwright through its executable path (scripts/install-browser.sh installs it; the
/// Playwright browser download is never used), headless, as the API's browser tests start it.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    // No sandbox: benches run as root on CI machines; the rest keeps the browser from calling anywhere but the service.
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public static string DefaultExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync(string executablePath)
    {
        if (!File.Exists(executablePath))
        {
            throw new FileNotFoundException($"No chromium at '{executablePath}': run scripts/install-browser.sh or pass --chromium.", executablePath);
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executablePath, Args = Args });
        return new HeadlessChromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
