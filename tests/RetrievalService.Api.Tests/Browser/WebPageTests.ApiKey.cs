using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>The API key field: what it sends, and what it refuses to.</summary>
public sealed partial class WebPageTests
{
    [Fact]
    public async Task A_key_entered_before_the_scripts_load_never_reaches_a_url()
    {
        var context = await host.Browser.NewContextAsync(PageViewports.Options(PageViewports.Desktop));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(SearchPage.WaitMs);
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(request.Url);
        // main.js is held back, so the key form has no submit handler yet when Enter is pressed.
        var scriptsMayLoad = new TaskCompletionSource();
        await page.RouteAsync("**/js/main.js", async route =>
        {
            await scriptsMayLoad.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync(host.BaseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByTestId("api-key").FillAsync(host.Key);
        // The keyboard's press, not the locator's: that one would wait for the navigation a submission starts.
        await page.Keyboard.PressAsync("Enter");
        scriptsMayLoad.SetResult();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=status]').textContent !== ''");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.DoesNotContain(requested, url => url.Contains(host.Key, StringComparison.Ordinal));
        Assert.Equal(host.BaseAddress.ToString(), page.Url);
        Assert.Null(await page.EvaluateAsync<string?>("() => document.getElementById('api-key').getAttribute('name')"));
        await context.CloseAsync();
    }
}
