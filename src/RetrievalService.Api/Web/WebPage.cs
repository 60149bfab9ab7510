using Microsoft.AspNetCore.StaticFiles;

namespace RetrievalService.Api.Web;

/// <summary>
/// The search and curation page under <c>wwwroot</c>: public static files (every API call the page makes carries the
/// user's key), served before routing so they need no key and count against no quota. Only files that exist are
/// answered; every other path falls through to the endpoints and their 404 problem details.
/// </summary>
public static class WebPage
{
    /// <summary>
    /// Same-origin scripts only; <c>wasm-unsafe-eval</c> lets onnxruntime-web compile its WebAssembly, <c>blob:</c>
    /// covers thumbnails fetched with the key and the runtime's workers. No inline script or style anywhere.
    /// <c>form-action 'none'</c>: every form is handled by script (and says <c>method="dialog"</c>, so none submits
    /// natively before the modules load); a native submission would put the fields, the API key among them, in a URL.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' blob: data:; connect-src 'self'; "
        + "worker-src 'self' blob:; style-src 'self'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Serves <c>/</c> as <c>index.html</c> and the files beside it, with the page's security headers.</summary>
    public static IApplicationBuilder UseWebPage(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = ContentTypes(),
            OnPrepareResponse = context => AddHeaders(context.Context.Response.Headers),
        });
    }

    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // ES modules and WebAssembly must carry these types: browsers refuse a module or a streamed compile otherwise.
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".wasm"] = "application/wasm";
        return provider;
    }

    private static void AddHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidated by ETag on every load, so a new release's page and modules are never mixed with old ones.
        headers.CacheControl = "no-cache";
    }
}
