using Microsoft.Playwright;

namespace RetrievalService.Api.Tests.Browser;

/// <summary>The screens the page is tested on: a desktop window and a phone.</summary>
public static class PageViewports
{
    public const string Desktop = "desktop";
    public const string Phone = "phone";

    public static TheoryData<string> All => [Desktop, Phone];

    public static BrowserNewContextOptions Options(string viewport) => viewport switch
    {
        Desktop => new() { ViewportSize = new() { Width = 1280, Height = 800 } },
        Phone => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(viewport), viewport, "desktop or phone"),
    };
}
