using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary>Requests wrong before any body is read: methods, paths, headers.</summary>
internal static class HttpLevelCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        Method("get_search", HttpMethod.Get, "/search"),
        Method("put_search", HttpMethod.Put, "/search"),
        Method("patch_search", HttpMethod.Patch, "/search"),
        Method("delete_search", HttpMethod.Delete, "/search"),
        Method("trace_search", HttpMethod.Trace, "/search"),
        Method("made_up_method_on_search", new HttpMethod("BREW"), "/search"),
        Method("get_index", HttpMethod.Get, "/index"),
        Method("put_index", HttpMethod.Put, "/index"),
        Method("post_to_an_image", HttpMethod.Post, "/images/fruits"),
        Method("put_an_image", HttpMethod.Put, "/images/fruits"),
        Method("post_models", HttpMethod.Post, "/models"),
        NotFound("unknown_route", "/searches"),
        NotFound("versioned_path_that_does_not_exist", "/v1/search"),
        NotFound("encoded_traversal_to_etc_passwd", "/static/..%2F..%2F..%2Fetc%2Fpasswd"),
        // Absolute, so the path really is //search: a relative "//search" is a network-path reference (host "search", path "/"),
        // which is the web page.
        NotFound("double_slash_before_search", "http://localhost//search"),
        NotFound("path_of_8000_characters", "/" + new string('a', 8000)),
        NotFound("unknown_health_check", "/health/everything"),
        NotFound("dotfile_probe", "/.env"),
        NotFound("openapi_document_of_another_version", "/openapi/v2.json"),
        new("accept_xml_only_with_a_bad_k", () => BadK().WithHeader("Accept", "application/xml"), BadRequest, "invalid-k"),
        new("accept_nothing_json_on_an_unknown_route", () => new HttpRequestMessage(HttpMethod.Get, "/nowhere").WithHeader("Accept", "text/html"),
            System.Net.HttpStatusCode.NotFound, "not-found"),
        new("request_id_of_16_kilobytes_with_a_bad_k", () => BadK().WithHeader("X-Request-Id", new string('r', 16 * 1024)), BadRequest, "invalid-k"),
        new("request_id_of_markup_with_a_bad_k", () => BadK().WithHeader("X-Request-Id", "<script>alert(1)</script>"), BadRequest, "invalid-k"),
        new("request_id_given_twice_with_a_bad_k", () => BadK().WithHeader("X-Request-Id", "first", "second"), BadRequest, "invalid-k"),
        new("the_same_header_a_hundred_times_with_a_bad_k", () => BadK().WithHeader("X-Filler", Enumerable.Range(0, 100).Select(i => $"v{i}").ToArray()),
            BadRequest, "invalid-k"),
        new("forwarded_host_of_another_site_with_a_bad_k", () => BadK().WithHeader("X-Forwarded-Host", "evil.example"), BadRequest, "invalid-k"),
    ];

    private static HttpRequestMessage BadK() => Send.Search(Requests.SearchForm(Photos.Get("home")), "?k=0");

    private static MalformedCase Method(string name, HttpMethod method, string path) =>
        new(name, () => new HttpRequestMessage(method, path), MethodNotAllowed, "http-error");

    private static MalformedCase NotFound(string name, string path) =>
        new(name, () => Send.Get(path), System.Net.HttpStatusCode.NotFound, "not-found");
}
