using System.Text.Json;
using System.Text.Json.Serialization;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Health;
using RetrievalService.Api.Http;
using RetrievalService.Api.Models;
using RetrievalService.Api.Security;
using RetrievalService.Api.Telemetry;
using RetrievalService.Api.Web;
using RetrievalService.Indexing;
using RetrievalService.Storage;
using RetrievalService.Storage.Keys;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
ListeningAddress.ApplyDefault(builder);

// No Server header: what runs behind the API is nobody's business outside.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.Services.AddApiLogging();
builder.Services.AddApiMetrics();
builder.Services.AddApiProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    // Answers embed metadata three levels down; rows stored before writes were limited to StorableJson.MaxDepth went
    // as deep as 63 levels, and must still be listed rather than fail every page that holds one.
    o.SerializerOptions.MaxDepth = 128;
});
builder.Services.AddGalleryStore();
builder.Services.AddRetrievalModels();
builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<SearchService>();
builder.Services.AddSingleton<WritePosition>();
builder.Services.AddInferenceAdmission();
builder.Services.AddApiKeys();
builder.Services.AddApiQuotas();
builder.Services.AddApiCors(builder.Configuration);
builder.Services.AddApiHealthChecks();
builder.Services.AddOpenApi(options => options.AnnounceConfiguredServers().DeclareApiKeys());

var app = builder.Build();

app.UseTrustedProxies(app.Configuration);
app.UseRequestIds();
app.UseSerilogRequestLogging(logging =>
{
    // This host's logger rather than the static one, which the last host built in the process owns (tests run several).
    logging.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    // The key's id names the caller in every request line; the key itself is never logged.
    logging.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (key {KeyId})";
    logging.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("KeyId", http.User.KeyId() ?? "-");
});
app.UseExceptionHandler();
app.UseStatusCodePages();
// Before routing, authentication and quotas: the page is public; the API calls it makes carry the user's key.
app.UseWebPage();
app.UseRouting();
app.UseApiCors();
// Quotas sit between the two: they partition by the authenticated key, and refused attempts count against the address.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

// One document, at one fixed path: the default pattern answers any other name with a plain-text 404 of its own.
app.MapOpenApi("/openapi/v1.json");
app.MapPrometheusScrapingEndpoint().RequireScopeAndQuota(ApiKeyScopes.Admin);
app.MapApiHealthChecks();
app.MapSearch();
app.MapIndex();
app.MapImages();
app.MapModels();
app.MapGalleries();
app.MapKeys();

await app.RunAsync();

/// <summary>The API host; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
