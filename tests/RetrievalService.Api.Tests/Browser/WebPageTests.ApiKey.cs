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

    [Fact]
    public async Task A_key_pasted_with_invisible_characters_around_it_is_saved_and_sent_without_them()
    {
        var page = await SearchPage.OpenWithoutKeyAsync(host, PageViewports.Desktop);
        await page.ById("api-key").FillAsync($"\u200B {host.Key}\u200B ");

        var models = await page.Page.RunAndWaitForRequestAsync(
            () => page.ById("api-key-save").ClickAsync(), request => request.Url.EndsWith("/models", StringComparison.Ordinal));

        Assert.Equal($"Bearer {host.Key}", models.Headers["authorization"]);
        Assert.Equal(host.Key, await page.SavedKeyAsync());
        Assert.Equal(host.Key, await page.ById("api-key").InputValueAsync());
        Assert.True(await page.Error.IsHiddenAsync(), await page.Error.TextContentAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_key_with_a_character_no_key_has_is_not_saved_and_the_page_names_the_character()
    {
        var page = await SearchPage.OpenWithoutKeyAsync(host, PageViewports.Desktop);
        // A Cyrillic а where the key has a letter: it looks the same, and no HTTP header can carry it.
        var lookalike = $"{host.Key[..^1]}\u0430";

        await page.ById("api-key").FillAsync(lookalike);
        await page.ById("api-key-save").ClickAsync();

        await Assertions.Expect(page.Error).ToContainTextAsync("The key was not saved");
        Assert.Contains("U+0430", await page.Error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Null(await page.SavedKeyAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_saved_key_no_header_can_carry_is_reported_as_malformed_not_as_an_unreachable_service()
    {
        var page = await SearchPage.OpenWithoutKeyAsync(host, PageViewports.Desktop);
        // As a page without the shape check saved it.
        await page.Page.EvaluateAsync("key => localStorage.setItem('retrieval.apiKey', key)", $"{host.Key[..^1]}\u0430");

        await page.Page.ReloadAsync();

        await Assertions.Expect(page.Error).ToContainTextAsync("The saved API key is malformed");
        Assert.DoesNotContain("could not be reached", await page.Error.TextContentAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
