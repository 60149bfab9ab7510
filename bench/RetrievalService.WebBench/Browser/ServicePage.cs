using Microsoft.Playwright;

namespace RetrievalService.WebBench.Browser;

/// <summary>The service's page open in its own browser context, with the bench's key where a user's key is kept.</summary>
internal static class ServicePage
{
    // wwwroot/js/api-key.js: the page reads the key from this localStorage entry on every request.
    private const string KeyStorageEntry = "retrieval.apiKey";

    /// <summary>A desktop window: the viewport the bench embeds in.</summary>
    public static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };

    /// <summary>Opens <paramref name="url"/>'s page, stores <paramref name="key"/> and reloads so every module starts with it.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, Uri url, string key, BrowserNewContextOptions options)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions(options) { BaseURL = url.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("([entry, key]) => localStorage.setItem(entry, key)", new[] { KeyStorageEntry, key });
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        return page;
    }
}
