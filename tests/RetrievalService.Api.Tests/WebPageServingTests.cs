using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Api.Web;

namespace RetrievalService.Api.Tests;

/// <summary>The page under wwwroot is public and locked down; it opens no path the API did not have.</summary>
[Collection(GalleryCollection.Name)]
public sealed class WebPageServingTests(GalleryFixture gallery)
{
    [Fact]
    public async Task The_page_is_served_at_the_root_without_a_key_with_a_strict_content_security_policy()
    {
        using var anonymous = gallery.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WebPage.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", WebPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", WebPage.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("data-testid=\"search-button\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Index", "to upload")]
    [InlineData("PatchImage", "to edit metadata")]
    [InlineData("DeleteImage", "to delete")]
    [InlineData("ListImages", "to browse the gallery")]
    [InlineData("GetImageThumbnail", "to browse the gallery")]
    public async Task The_curate_hint_names_the_scope_each_gallery_call_requires(string endpointName, string action)
    {
        using var anonymous = gallery.Factory.CreateClient();
        var endpoint = gallery.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == endpointName);
        // Each scope is an authorization policy named as the scope (ApiSecurity.RequireScope).
        var scope = Assert.Single(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()).Policy;

        var page = await anonymous.GetStringAsync("/");

        Assert.Contains($"<code>{scope}</code> {action}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_modules_are_served_as_javascript_with_the_same_headers()
    {
        using var anonymous = gallery.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/js/embedding/preprocess.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/js/missing.js")]
    [InlineData("/vendor/ort/not-a-runtime.wasm")]
    [InlineData("/wwwroot/index.html")]
    public async Task A_file_the_page_does_not_have_is_a_404_problem_like_any_unknown_path(string path)
    {
        using var anonymous = gallery.Factory.CreateClient();

        using var response = await anonymous.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_api_behind_the_page_still_asks_for_a_key()
    {
        using var anonymous = gallery.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/models");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
