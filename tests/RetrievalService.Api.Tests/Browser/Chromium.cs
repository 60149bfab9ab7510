using Microsoft.Playwright;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Playwright through its executable path (scripts/install-browser.sh installs it; the
/// Playwright browser download is never used). Headless, one per test class.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    // No sandbox: tests run as root in CI; the rest keeps the browser from calling anywhere but the page under test.
    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The chromium binary: <c>CHROMIUM_PATH</c>, or Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"No chromium at '{ExecutablePath}': run scripts/install-browser.sh (or set CHROMIUM_PATH).");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Args = Args });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
    }
}
