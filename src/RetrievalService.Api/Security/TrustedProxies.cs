using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace RetrievalService.Api.Security;

/// <summary>
/// Behind a reverse proxy or ingress every connection comes from the proxy, so per-address quotas would put all anonymous
/// clients in one bucket. Only proxies listed in <c>Api:TrustedProxies</c> (addresses or CIDR networks) may say who the
/// client is with <c>X-Forwarded-For</c>; from anyone else the header is ignored, so it cannot be used to dodge a quota.
/// </summary>
public static class TrustedProxies
{
    /// <summary>The configuration key: a list such as <c>["10.0.0.0/8", "192.168.1.10"]</c>.</summary>
    public const string SectionName = "Api:TrustedProxies";

    /// <summary>Takes the client address from <c>X-Forwarded-For</c> when the connection comes from a listed proxy.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var entries = configuration.GetSection(SectionName).Get<string[]>() ?? [];
        if (entries.Length == 0)
        {
            return app;
        }
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network) && entry.Contains('/', StringComparison.Ordinal))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{SectionName}: '{entry}' is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).");
            }
        }
        return app.UseForwardedHeaders(options);
    }
}
