using System.Net;
using System.Text.Json;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>Asserts an RFC 7807 answer: status, media type, and a body a client developer can act on.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), "a problem must say what to change");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("requestId").GetString()));
        return problem;
    }

    public static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;
}
