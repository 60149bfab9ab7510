using Microsoft.Playwright;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>The page as a user drives it, by the elements' test ids.</summary>
public sealed class SearchPage(IPage page)
{
    public IPage Page => page;

    /// <summary>
    /// How long a wait for the page may last: the server embeds uploads and queries on the CPU, which on a loaded
    /// small machine takes far longer than Playwright's default.
    /// </summary>
    public const float WaitMs = 60_000;

    public ILocator Error => ById("error");

    public ILocator Results => page.Locator("[data-testid=results] [data-testid=result-item]");

    public static async Task<SearchPage> OpenAsync(WebPageHost host, string viewport)
    {
        var searchPage = await OpenWithoutKeyAsync(host, viewport);
        await searchPage.ById("api-key").FillAsync(host.Key);
        await searchPage.ById("api-key-save").ClickAsync();
        return searchPage;
    }

    /// <summary>The page in a fresh browser context, no key saved yet.</summary>
    public static async Task<SearchPage> OpenWithoutKeyAsync(WebPageHost host, string viewport)
    {
        var context = await host.Browser.NewContextAsync(PageViewports.Options(viewport));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(WaitMs);
        // window.confirm (deleting) is answered yes, as the user would.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        return new SearchPage(page);
    }

    /// <summary>The key this browser has saved, or null.</summary>
    public async Task<string?> SavedKeyAsync() => await page.EvaluateAsync<string?>("() => localStorage.getItem('retrieval.apiKey')");

    public ILocator ById(string testId) => page.GetByTestId(testId);

    public async Task ChooseQueryAsync(string fileName, byte[] bytes, string mimeType = "image/jpeg") =>
        await ById("query-input").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = bytes });

    /// <summary>Searches and waits for the answer: results or an error.</summary>
    public async Task SearchAsync()
    {
        await ById("search-button").ClickAsync();
        await WaitForAnswerAsync();
    }

    /// <summary>Waits until the search in progress has shown results or an error.</summary>
    public async Task WaitForAnswerAsync() =>
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('[data-testid=search-button]').disabled && " +
            "(document.querySelector('[data-testid=results] [data-testid=result-item]') || !document.querySelector('[data-testid=error]').hidden)");

    /// <summary>Presses Tab until the element with <paramref name="testId"/> has the focus, as a keyboard user would.</summary>
    public async Task TabToAsync(string testId)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid ?? null") == testId)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"Tab never reached '{testId}'.");
    }

    public async Task<string?> FirstResultIdAsync() => await Results.First.GetAttributeAsync("data-id");

    public async Task CloseAsync() => await page.Context.CloseAsync();
}
