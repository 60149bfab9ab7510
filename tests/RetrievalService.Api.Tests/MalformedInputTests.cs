using System.Net;
using System.Text.RegularExpressions;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Api.Tests.Malformed;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Hostile and broken requests (the corpus in Malformed/): each gets its documented 4xx ProblemDetails, never a 5xx,
/// and the service goes on serving. The fixture's limits are 4 MiB per image, 5 MiB per search request, 8 MiB and 12
/// files per index request; the pixel limits are the defaults (20 000 px a side, 16 megapixels decoded).
/// </summary>
[Collection(GalleryCollection.Name)]
public sealed partial class MalformedInputTests(GalleryFixture gallery)
{
    public static TheoryData<string> CaseNames => [.. MalformedCorpus.ByName.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_malformed_request_gets_the_right_4xx_problem_details(string name)
    {
        var (_, request, status, code) = MalformedCorpus.ByName[name];

        using var response = await gallery.Client.SendAsync(request());

        var problem = await ProblemAssert.IsProblemAsync(response, status, code);
        // Details speak of the client's input, never of the .NET types or reader that handled it.
        Assert.DoesNotContain("System.", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        // Whatever the client put in X-Request-Id, what comes back is safe to log and to echo.
        Assert.Matches(SafeRequestId(), response.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task After_the_whole_corpus_a_normal_search_works_and_the_service_is_live()
    {
        foreach (var malformed in MalformedCorpus.All)
        {
            using var response = await gallery.Client.SendAsync(malformed.Request());
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{malformed.Name}: {(int)response.StatusCode}");
        }

        using var live = await gallery.Client.GetAsync("/health/live");
        var search = await Requests.ReadAsync<Endpoints.SearchResponse>(await Requests.SearchAsync(gallery.Client, Photos.Get("fruits"), "?k=3"));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("fruits", search.Results[0].Id);
    }

    [Fact]
    public void The_corpus_has_at_least_150_distinct_malformed_requests() => Assert.True(MalformedCorpus.ByName.Count >= 150, $"{MalformedCorpus.ByName.Count} cases");

    [Fact]
    public void Every_case_expects_a_client_error() =>
        Assert.All(MalformedCorpus.All, c => Assert.True((int)c.Status is >= 400 and < 500, c.Name));

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,128}$")]
    private static partial Regex SafeRequestId();
}
