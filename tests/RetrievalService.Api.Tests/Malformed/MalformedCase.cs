using System.Net;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary>One hostile or broken request and the ProblemDetails it must get (docs/api.md, Errors).</summary>
/// <param name="Name">Display name of the case; unique in the corpus.</param>
/// <param name="Request">Builds a fresh request each time (a request message can be sent only once).</param>
/// <param name="Status">Expected status, always 4xx.</param>
/// <param name="Code">Expected ProblemDetails <c>code</c>.</param>
internal sealed record MalformedCase(string Name, Func<HttpRequestMessage> Request, HttpStatusCode Status, string Code)
{
    public override string ToString() => Name;
}
