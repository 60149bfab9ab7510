using Microsoft.Playwright;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>
/// The web page at <c>/</c> in Debian's chromium, on a desktop window and a phone, against the real service, models,
/// database and photos: searching by photo, embedding on the device, curating, and showing the API's own errors.
/// </summary>
public sealed partial class WebPageTests(WebPageHost host) : IClassFixture<WebPageHost>
{
    [Theory]
    [MemberData(nameof(PageViewports.All), MemberType = typeof(PageViewports))]
    public async Task A_query_photo_finds_its_gallery_original_first(string viewport)
    {
        var page = await SearchPage.OpenAsync(host, viewport);

        await page.ChooseQueryAsync("home.jpg", Photos.Get("home"));
        await page.SearchAsync();

        Assert.True(await page.Error.IsHiddenAsync(), await page.Error.TextContentAsync());
        Assert.Equal("home", await page.FirstResultIdAsync());
        Assert.Equal(9, await page.Results.CountAsync());
        Assert.Contains("total", await page.ById("server-timings").TextContentAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageViewports.All), MemberType = typeof(PageViewports))]
    public async Task Embedding_on_the_device_sends_only_a_vector_and_finds_the_same_first_result(string viewport)
    {
        var page = await SearchPage.OpenAsync(host, viewport);
        await page.ChooseQueryAsync("home.jpg", Photos.Get("home"));
        await page.ById("on-device-toggle").CheckAsync();

        var request = await page.Page.RunAndWaitForRequestAsync(page.SearchAsync, r => r.Method == "POST" && r.Url.EndsWith("/search", StringComparison.Ordinal));

        Assert.True(await page.Error.IsHiddenAsync(), await page.Error.TextContentAsync());
        Assert.Equal("home", await page.FirstResultIdAsync());
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("\"embedding\"", request.PostData, StringComparison.Ordinal);
        Assert.Contains("inference", await page.ById("on-device-time").TextContentAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageViewports.All), MemberType = typeof(PageViewports))]
    public async Task An_uploaded_photo_is_found_by_search_and_gone_once_deleted(string viewport)
    {
        var id = $"{WebPageHost.Withheld}-{viewport}.jpg";
        var photo = Photos.Get(WebPageHost.Withheld);
        var page = await SearchPage.OpenAsync(host, viewport);
        try
        {
            await page.ById("tab-curate").ClickAsync();
            await page.ById("upload-input").SetInputFilesAsync(new FilePayload { Name = id, MimeType = "image/jpeg", Buffer = photo });
            await page.ById("upload-button").ClickAsync();
            await Assertions.Expect(page.ById("upload-status")).ToHaveAttributeAsync("data-status", "stored", new() { Timeout = SearchPage.WaitMs });
            await page.ById("tab-search").ClickAsync();
            await page.ChooseQueryAsync("query.jpg", photo);
            await page.SearchAsync();
            var foundFirst = await page.FirstResultIdAsync();

            await page.ById("tab-curate").ClickAsync();
            await page.ById("gallery-load").ClickAsync();
            var card = page.Page.Locator($"[data-testid=gallery-item][data-id='{id}']");
            await card.GetByTestId("delete-button").ClickAsync();
            await Assertions.Expect(card).ToHaveCountAsync(0, new() { Timeout = SearchPage.WaitMs });
            await page.ById("tab-search").ClickAsync();
            await page.SearchAsync();

            Assert.Equal(id, foundFirst);
            Assert.NotEqual(id, await page.FirstResultIdAsync());
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.Client.GetAsync($"/images/{Uri.EscapeDataString(id)}")).StatusCode);
            await page.CloseAsync();
        }
        finally
        {
            // A failed run must not leave the upload in the gallery, where the other tests count their results.
            await host.Client.DeleteAsync($"/images/{Uri.EscapeDataString(id)}");
        }
    }

    [Fact]
    public async Task Metadata_edited_in_the_gallery_view_is_stored_and_a_filtered_search_finds_the_image()
    {
        var page = await SearchPage.OpenAsync(host, PageViewports.Desktop);

        await page.ById("tab-curate").ClickAsync();
        await page.ById("gallery-load").ClickAsync();
        await page.Page.Locator("[data-testid=gallery-item][data-id='coffee']").GetByTestId("edit-button").ClickAsync();
        await page.ById("metadata-input").FillAsync("""{"room": "kitchen"}""");
        await page.ById("metadata-save").ClickAsync();
        await Assertions.Expect(page.ById("metadata-dialog")).Not.ToBeVisibleAsync(new() { Timeout = SearchPage.WaitMs });
        await page.ById("tab-search").ClickAsync();
        await page.ChooseQueryAsync("home.jpg", Photos.Get("home"));
        await page.ById("filter-input").FillAsync("""{"room": "kitchen"}""");
        await page.SearchAsync();

        var stored = await Requests.ReadAsync<Endpoints.ImageResponse>(await host.Client.GetAsync("/images/coffee"));
        Assert.Equal("kitchen", (string?)stored.Metadata["room"]);
        Assert.Equal(["coffee"], await page.Results.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.id)"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_search_can_be_made_with_the_keyboard_alone()
    {
        var page = await SearchPage.OpenAsync(host, PageViewports.Desktop);

        var chooser = await page.Page.RunAndWaitForFileChooserAsync(async () =>
        {
            await page.TabToAsync("drop-zone");
            await page.Page.Keyboard.PressAsync("Enter");
        });
        await chooser.SetFilesAsync(new FilePayload { Name = "home.jpg", MimeType = "image/jpeg", Buffer = Photos.Get("home") });
        // The file input behind the drop zone is no tab stop of its own: it could show no focus ring.
        await page.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("k-input", await page.Page.EvaluateAsync<string>("() => document.activeElement.dataset.testid"));
        await page.Page.Keyboard.PressAsync("Enter");
        await page.WaitForAnswerAsync();

        Assert.Equal("home", await page.FirstResultIdAsync());
        Assert.Equal("results", await page.Page.EvaluateAsync<string>("() => document.activeElement.dataset.testid"));
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageViewports.All), MemberType = typeof(PageViewports))]
    public async Task A_file_that_is_no_image_shows_the_api_s_own_message(string viewport)
    {
        var notAnImage = "these are my holiday notes, not a photo"u8.ToArray();
        using var direct = await Requests.SearchAsync(host.Client, notAnImage);
        var detail = ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(direct, System.Net.HttpStatusCode.UnsupportedMediaType, "image-unsupported"));
        var page = await SearchPage.OpenAsync(host, viewport);

        await page.ChooseQueryAsync("notes.jpg", notAnImage);
        await page.SearchAsync();

        Assert.True(await page.Error.IsVisibleAsync());
        Assert.Contains(detail, await page.Error.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Results.CountAsync());
        await page.CloseAsync();
    }
}
