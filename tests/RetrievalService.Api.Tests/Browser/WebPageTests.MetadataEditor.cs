using Microsoft.Playwright;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>The gallery's metadata dialog while its save is on its way.</summary>
public sealed partial class WebPageTests
{
    [Fact]
    public async Task Metadata_saved_while_esc_is_pressed_reaches_the_card_and_the_reopened_editor()
    {
        var (page, card, patch) = await SaveHeldAsync("motorcycle", """{"shelf": "top"}""");

        await page.Page.Keyboard.PressAsync("Escape");
        var openAfterEsc = await page.ById("metadata-dialog").IsVisibleAsync();
        var cancelDisabled = await page.ById("metadata-cancel").IsDisabledAsync();
        patch.MayAnswer.SetResult();
        await Assertions.Expect(card.GetByTestId("image-metadata")).ToContainTextAsync("\"shelf\": \"top\"", new() { Timeout = SearchPage.WaitMs });
        await Assertions.Expect(page.ById("metadata-dialog")).Not.ToBeVisibleAsync();
        await card.GetByTestId("edit-button").ClickAsync();
        var reopenedWith = await page.ById("metadata-input").InputValueAsync();
        await page.ById("metadata-cancel").ClickAsync();

        Assert.True(openAfterEsc);
        Assert.True(cancelDisabled);
        Assert.Contains("\"shelf\": \"top\"", reopenedWith, StringComparison.Ordinal);
        await Assertions.Expect(page.ById("metadata-dialog")).Not.ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_save_that_ends_after_its_dialog_was_closed_updates_its_own_card_and_leaves_the_next_dialog_alone()
    {
        const string next = "fruits";
        var (page, card, patch) = await SaveHeldAsync("astronaut", """{"shelf": "low"}""");

        // As a browser may close a modal dialog whatever the page asks (close watchers let it refuse a page's cancel).
        await page.Page.EvaluateAsync("() => document.querySelector('[data-testid=metadata-dialog]').close()");
        await page.Page.Locator($"[data-testid=gallery-item][data-id='{next}']").GetByTestId("edit-button").ClickAsync();
        patch.MayAnswer.SetResult();
        await Assertions.Expect(card.GetByTestId("image-metadata")).ToContainTextAsync("\"shelf\": \"low\"", new() { Timeout = SearchPage.WaitMs });

        Assert.True(await page.ById("metadata-dialog").IsVisibleAsync());
        Assert.Equal(next, await page.ById("metadata-id").TextContentAsync());
        Assert.Equal("", await page.ById("metadata-error").TextContentAsync());
        Assert.True(await page.ById("metadata-save").IsEnabledAsync());
        await page.ById("metadata-cancel").ClickAsync();
        Assert.True(await card.GetByTestId("edit-button").IsEnabledAsync());
        await page.CloseAsync();
    }

    private sealed record HeldPatch(Task Sent, TaskCompletionSource MayAnswer);

    /// <summary>
    /// Opens the page, edits image <paramref name="id"/>'s metadata to <paramref name="json"/> and presses Save, the PATCH held
    /// on its way until the test releases it.
    /// </summary>
    private async Task<(SearchPage Page, ILocator Card, HeldPatch Patch)> SaveHeldAsync(string id, string json)
    {
        var page = await SearchPage.OpenAsync(host, PageViewports.Desktop);
        var patch = await HoldPatchesAsync(page, id);
        var card = await OpenEditorAsync(page, id);
        await page.ById("metadata-input").FillAsync(json);
        await page.ById("metadata-save").ClickAsync();
        await patch.Sent.WaitAsync(TimeSpan.FromMilliseconds(SearchPage.WaitMs));
        return (page, card, patch);
    }

    /// <summary>Holds each PATCH of image <paramref name="id"/> until <see cref="HeldPatch.MayAnswer"/> is set.</summary>
    private static async Task<HeldPatch> HoldPatchesAsync(SearchPage page, string id)
    {
        var sent = new TaskCompletionSource();
        var mayAnswer = new TaskCompletionSource();
        await page.Page.RouteAsync($"**/images/{id}", async route =>
        {
            if (route.Request.Method == "PATCH")
            {
                sent.TrySetResult();
                await mayAnswer.Task;
            }
            await route.ContinueAsync();
        });
        return new HeldPatch(sent.Task, mayAnswer);
    }

    /// <summary>Loads the gallery in the Curate view and opens the metadata editor of image <paramref name="id"/>; returns its card.</summary>
    private static async Task<ILocator> OpenEditorAsync(SearchPage page, string id)
    {
        await page.ById("tab-curate").ClickAsync();
        await page.ById("gallery-load").ClickAsync();
        var card = page.Page.Locator($"[data-testid=gallery-item][data-id='{id}']");
        await card.GetByTestId("edit-button").ClickAsync();
        return card;
    }
}
