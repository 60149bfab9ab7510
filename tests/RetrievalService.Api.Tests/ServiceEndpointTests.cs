using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Text.Json;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

[Collection(GalleryCollection.Name)]
public sealed class ServiceEndpointTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task Models_lists_the_teacher_and_the_compatible_student_with_their_manifests()
    {
        var models = await Requests.ReadAsync<ModelsResponse>(await Client.GetAsync("/models"));

        Assert.Equal("teacher-resnet18-gem", models.Teacher.Id);
        Assert.Equal("cpu", models.Teacher.ExecutionProvider);
        var student = Assert.Single(models.Students);
        Assert.Equal("teacher-resnet18-gem-int8", student.Id);
        Assert.True(student.Compatible);
        Assert.Equal(models.Teacher.Manifest.Sha256, student.Manifest.CompatibleWith!.TeacherSha256);
        Assert.Equal(512, student.Manifest.Output.Dimension);
    }

    [Fact]
    public void Kestrel_is_configured_to_send_no_server_header()
    {
        // The test server never writes one; what matters is the option the real Kestrel host reads.
        var kestrel = gallery.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task Liveness_is_healthy_without_checking_dependencies()
    {
        using var response = await Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_reports_the_database_schema_and_models_as_healthy()
    {
        using var response = await Client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["gallery"] = "Healthy", ["models"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Superset(new HashSet<string> { "/search", "/index", "/images", "/images/{id}", "/images/{id}/thumbnail", "/models" }, paths.ToHashSet());
        var searchBody = document.GetProperty("paths").GetProperty("/search").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(searchBody.TryGetProperty("multipart/form-data", out _));
        Assert.True(searchBody.TryGetProperty("image/jpeg", out _));
        Assert.Equal("array", searchBody.GetProperty("application/json").GetProperty("schema").GetProperty("properties").GetProperty("embedding").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_openapi_document_declares_what_search_and_the_image_list_read_and_answer()
    {
        var paths = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var search = paths.GetProperty("/search").GetProperty("post");
        var body = search.GetProperty("requestBody").GetProperty("content");

        Assert.Equal(SearchParameterParser.Names.Order(), QueryParameters(search).Order());
        Assert.Equal(["after", "limit"], QueryParameters(paths.GetProperty("/images").GetProperty("get")).Order());
        Assert.True(body.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").TryGetProperty("after", out _));
        Assert.True(body.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").TryGetProperty("embedding", out _));
        Assert.True(body.GetProperty("application/json").GetProperty("schema").GetProperty("properties").TryGetProperty("after", out _));
        // TIFF is refused with 415, so it is no type the operation takes.
        Assert.False(body.TryGetProperty("image/tiff", out _));
        Assert.Superset(new HashSet<string> { "409", "410" }, search.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet());
        foreach (var method in new[] { "get", "delete" })
        {
            Assert.True(paths.GetProperty("/images/{id}").GetProperty(method).GetProperty("responses").TryGetProperty("404", out _), method);
        }

        static IEnumerable<string> QueryParameters(JsonElement operation) => operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!);
    }

    [Fact]
    public async Task The_openapi_document_declares_the_key_schemes_and_the_scope_of_each_operation()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var paths = document.GetProperty("paths");

        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal("index", Scope(paths.GetProperty("/index").GetProperty("post")));
        Assert.Equal("search", Scope(paths.GetProperty("/search").GetProperty("post")));
        Assert.Equal("admin", Scope(paths.GetProperty("/images/{id}").GetProperty("delete")));
        Assert.Equal("index", Scope(paths.GetProperty("/images/{id}").GetProperty("patch")));
        Assert.Equal("search", Scope(paths.GetProperty("/images/{id}/thumbnail").GetProperty("get")));
        Assert.True(paths.GetProperty("/index").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));

        static string? Scope(JsonElement operation) =>
            operation.GetProperty("security")[0].GetProperty("bearer")[0].GetString();
    }

    [Fact]
    public async Task The_openapi_document_announces_no_server_taken_from_the_request()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "attacker.example";

        using var response = await Client.SendAsync(request);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("attacker.example", document.GetRawText(), StringComparison.Ordinal);
        Assert.True(!document.TryGetProperty("servers", out var servers) || servers.GetArrayLength() == 0);
    }

    [Fact]
    public async Task Metrics_expose_request_embed_and_search_latency_histograms_and_the_indexed_images_counter()
    {
        await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("home"), "?k=1"));

        var metrics = await Client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("retrieval_embed_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("retrieval_search_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("retrieval_indexed_images_total{", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_id_from_the_caller_is_echoed_and_appears_in_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/images/no-such-image");
        request.Headers.Add("X-Request-Id", "mobile-app-1234");

        using var response = await Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "image-not-found");
        Assert.Equal("mobile-app-1234", problem.GetProperty("requestId").GetString());
        Assert.Equal("mobile-app-1234", response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task An_unsafe_request_id_is_replaced_by_the_servers_own()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "evil id; with spaces");

        using var response = await Client.SendAsync(request);

        var id = response.Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual("evil id; with spaces", id);
        Assert.False(string.IsNullOrWhiteSpace(id));
    }
}
