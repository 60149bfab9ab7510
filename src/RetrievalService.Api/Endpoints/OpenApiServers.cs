using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// The OpenAPI document's <c>servers</c> come from configuration (<c>OpenApi:Servers</c>, a list of URLs), never from
/// the request: the generator would otherwise announce whatever Host header a client sent. With none configured the
/// list is empty, and clients resolve paths against the URL they fetched the document from.
/// </summary>
internal static class OpenApiServers
{
    public const string SectionName = "OpenApi:Servers";

    public static OpenApiOptions AnnounceConfiguredServers(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            var urls = context.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(SectionName).Get<string[]>() ?? [];
            document.Servers = [.. urls.Select(url => new OpenApiServer { Url = url })];
            return Task.CompletedTask;
        });
        return options;
    }
}
