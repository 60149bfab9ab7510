namespace RetrievalService.Api.Configuration;

/// <summary>Where the API listens when the host is told nothing.</summary>
internal static class ListeningAddress
{
    /// <summary>This machine only, on the port the container image, compose and Kubernetes files publish.</summary>
    public const string Default = "http://localhost:8080";

    /// <summary>
    /// Keeps the address given by <c>--urls</c>, <c>URLS</c> or <c>ASPNETCORE_URLS</c>, else listens on <see cref="Default"/>.
    /// The default is set here rather than as <c>Urls</c> in appsettings.json, where it would outrank
    /// <c>ASPNETCORE_URLS</c> and silently move a service its operator bound elsewhere.
    /// </summary>
    public static void ApplyDefault(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(Default);
        }
    }
}
