using System.Net;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Api.Tests;

/// <summary>Documented errors no malformed request provokes on the shared gallery: each needs a host or a state of its own.</summary>
public sealed class ErrorsWithSetUpTests
{
    [Fact]
    public async Task A_decode_past_its_deadline_is_422_image_too_complex()
    {
        await using var factory = await ApiFactory.CreateAsync(new Dictionary<string, string?> { ["Embedding:ImageLimits:DecodeDeadlineMs"] = "1" });
        using var client = await factory.CreateClientAsync();

        // 9 megapixels decoded in full (PNG is never decoded reduced): far more than a millisecond.
        using var response = await client.PostAsync("/search", Requests.SearchForm(TestImages.FlatPng(3000, 3000), fileName: "large.png"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "image-too-complex");
        Assert.Contains("1 ms", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    // Start-up registers the teacher's gallery and refuses a newer schema, so a running host meets these only when the
    // database changes under it; the mapping is what the API decides, and is checked here.
    [Fact]
    public void A_missing_gallery_or_a_newer_schema_is_503_gallery_not_ready_with_retry_after()
    {
        foreach (var error in new Exception[] { new UnknownModelException("teacher-resnet18-gem"), new SchemaVersionException("gallery", 99, 5) })
        {
            var problem = Problem.For(error);

            Assert.NotNull(problem);
            Assert.Equal((503, "gallery-not-ready", true), (problem.StatusCode, problem.Code, problem.RetryAfter));
        }
    }
}
