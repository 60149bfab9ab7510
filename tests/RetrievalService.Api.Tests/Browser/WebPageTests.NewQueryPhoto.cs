using Microsoft.Playwright;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>A new query photo picked while the previous one's search is on its way or its results are shown.</summary>
public sealed partial class WebPageTests
{
    [Fact]
    public async Task A_photo_chosen_during_a_search_ends_the_searching_status_and_leaves_the_focus_alone()
    {
        var page = await SearchPage.OpenAsync(host, PageViewports.Desktop);
        var searchSent = new TaskCompletionSource();
        var searchMayAnswer = new TaskCompletionSource();
        await page.Page.RouteAsync("**/search", async route =>
        {
            searchSent.TrySetResult();
            await searchMayAnswer.Task;
            await route.ContinueAsync();
        });
        await page.ChooseQueryAsync("home.jpg", Photos.Get("home"));
        await page.ById("search-button").ClickAsync();
        await searchSent.Task.WaitAsync(TimeSpan.FromMilliseconds(SearchPage.WaitMs));

        await page.ChooseQueryAsync("coffee.jpg", Photos.Get("coffee"));
        searchMayAnswer.SetResult();
        await Assertions.Expect(page.ById("search-button")).ToBeEnabledAsync(new() { Timeout = SearchPage.WaitMs });

        Assert.Equal("", await page.ById("status").TextContentAsync());
        Assert.Equal(0, await page.Results.CountAsync());
        Assert.NotEqual("results", await page.Page.EvaluateAsync<string?>("() => document.activeElement?.dataset.testid ?? null"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_new_photo_hides_the_previous_photo_s_more_results()
    {
        var page = await SearchPage.OpenAsync(host, PageViewports.Desktop);
        await page.ChooseQueryAsync("home.jpg", Photos.Get("home"));
        await page.ById("k-input").FillAsync("2");
        await page.SearchAsync();
        await Assertions.Expect(page.ById("more-results")).ToBeVisibleAsync();

        await page.ChooseQueryAsync("coffee.jpg", Photos.Get("coffee"));

        await Assertions.Expect(page.ById("more-results")).ToBeHiddenAsync();
        Assert.Equal("", await page.ById("status").TextContentAsync());
        await page.CloseAsync();
    }
}
