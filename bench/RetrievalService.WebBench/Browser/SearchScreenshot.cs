using Microsoft.Playwright;

namespace RetrievalService.WebBench.Browser;

/// <summary>A search by photo in the Search view, as a user runs it, and the picture of the result.</summary>
internal static class SearchScreenshot
{
    // Every thumbnail in the viewport is a blob: URL (fetched with the key) that has finished decoding; the
    // placeholder, or a thumbnail still on its way, would make a misleading picture.
    private const string ThumbnailsShown = """
        () => {
          const thumbs = [...document.querySelectorAll('[data-testid=results] img.thumb')];
          const visible = thumbs.filter((img) => {
            const box = img.getBoundingClientRect();
            return box.top < innerHeight && box.bottom > 0;
          });
          return thumbs.length > 0 && visible.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
        }
        """;

    /// <summary>
    /// Searches with <paramref name="photo"/> (k results), scrolls <paramref name="scrollTo"/> (a CSS selector) to the
    /// top of the viewport, and returns once the thumbnails in view are shown.
    /// </summary>
    public static async Task SearchAsync(IPage page, string photo, int k, string scrollTo)
    {
        await page.GetByTestId("query-input").SetInputFilesAsync(photo);
        await page.GetByTestId("k-input").FillAsync(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("search-button").ClickAsync();
        await page.GetByTestId("results").Locator("li").First.WaitForAsync();
        await page.EvaluateAsync("(selector) => document.querySelector(selector).scrollIntoView({ block: 'start' })", scrollTo);
        await page.WaitForFunctionAsync(ThumbnailsShown, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
    }

    /// <summary>
    /// The viewport as PNG, or as JPEG (quality 80, <c>.jpg</c>) when the PNG would be over <paramref name="maxBytes"/>;
    /// returns the file written.
    /// </summary>
    public static async Task<FileInfo> SaveAsync(IPage page, string folder, string name, int maxBytes)
    {
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        var file = new FileInfo(Path.Combine(folder, name + ".png"));
        if (png.Length > maxBytes)
        {
            png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 80 });
            file = new FileInfo(Path.Combine(folder, name + ".jpg"));
        }
        await File.WriteAllBytesAsync(file.FullName, png);
        return file;
    }
}
