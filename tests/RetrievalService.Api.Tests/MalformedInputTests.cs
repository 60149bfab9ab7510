using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Hostile and broken requests: each gets the right 4xx ProblemDetails, never a 5xx. The fixture's limits are 4 MiB per
/// image, 5 MiB per search request, 8 MiB and 12 files per index request; the pixel limits are the defaults (20 000 px a
/// side, 16 megapixels decoded).
/// </summary>
[Collection(GalleryCollection.Name)]
public sealed class MalformedInputTests(GalleryFixture gallery)
{
    private static readonly Dictionary<string, (Func<HttpRequestMessage> Request, HttpStatusCode Status, string Code)> Cases = new()
    {
        ["zero_bytes"] = (() => Search(Requests.Raw([], "image/jpeg")), HttpStatusCode.BadRequest, "image-empty"),
        ["zero_byte_file_in_multipart"] = (() => Search(Requests.SearchForm([])), HttpStatusCode.BadRequest, "image-empty"),
        ["no_body_at_all"] = (() => new HttpRequestMessage(HttpMethod.Post, "/search"), HttpStatusCode.BadRequest, "image-missing"),
        ["truncated_jpeg"] = (() => Search(Requests.Raw(Photos.Get("fruits")[..400], "image/jpeg")), HttpStatusCode.UnprocessableEntity, "image-corrupt"),
        ["jpeg_header_then_garbage"] = (() => Search(Requests.Raw([0xFF, 0xD8, 0xFF, 0xE0, .. TestImages.Noise(2000, 1)], "image/jpeg")),
            HttpStatusCode.UnprocessableEntity, "image-corrupt"),
        ["png_header_without_pixels"] = (() => Search(Requests.Raw(TestImages.HeaderOnlyPng(64, 64), "image/png")),
            HttpStatusCode.UnprocessableEntity, "image-corrupt"),
        ["html_sent_as_image_jpeg"] = (() => Search(Requests.Raw(Encoding.UTF8.GetBytes("<!doctype html><html><body>hi</body></html>"), "image/jpeg")),
            HttpStatusCode.UnsupportedMediaType, "image-unsupported"),
        ["random_bytes"] = (() => Search(Requests.Raw(TestImages.Noise(5000, 2), "application/octet-stream")),
            HttpStatusCode.UnsupportedMediaType, "image-unsupported"),
        ["png_header_declaring_30000x30000"] = (() => Search(Requests.Raw(TestImages.HeaderOnlyPng(30000, 30000), "image/png")),
            HttpStatusCode.UnprocessableEntity, "image-too-many-pixels"),
        ["decompression_bomb_png_of_64_megapixels"] = (() => Search(Requests.SearchForm(TestImages.FlatPng(8000, 8000))),
            HttpStatusCode.UnprocessableEntity, "image-too-many-pixels"),
        ["image_file_over_the_byte_limit"] = (() => Search(Requests.Raw(TestImages.Noise((int)(4.5 * 1024 * 1024), 3), "image/jpeg")),
            HttpStatusCode.RequestEntityTooLarge, "image-too-large"),
        ["search_body_over_the_request_limit"] = (() => Search(Requests.Raw(new byte[6 * 1024 * 1024], "image/jpeg")),
            HttpStatusCode.RequestEntityTooLarge, "payload-too-large"),
        ["oversized_multipart"] = (() => Search(Requests.SearchForm(new byte[6 * 1024 * 1024])), HttpStatusCode.RequestEntityTooLarge, "payload-too-large"),
        ["text_plain_body"] = (() => Search(Requests.Raw(Photos.Get("home"), "text/plain")), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["curl_data_binary_without_content_type"] = (() => Search(Requests.Raw(Photos.Get("home"), "application/x-www-form-urlencoded")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["image_bytes_without_a_content_type"] = (() => Search(WithoutContentType(Photos.Get("home"))), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["wrong_field_name"] = (() => Search(Requests.SearchForm(Photos.Get("home"), field: "photo")), HttpStatusCode.BadRequest, "unknown-field"),
        ["multipart_without_a_file"] = (() => Search(new MultipartFormDataContent { { new StringContent("3"), "k" } }),
            HttpStatusCode.BadRequest, "image-missing"),
        ["two_images"] = (() => Search(TwoImages()), HttpStatusCode.BadRequest, "invalid-form"),
        ["multipart_boundary_of_200_characters"] = (() => Search(MultipartWithBoundary(new string('b', 200), new string('b', 200))),
            HttpStatusCode.BadRequest, "invalid-form"),
        ["multipart_with_a_boundary_the_body_never_uses"] = (() => Search(MultipartWithBoundary("declared", "actual")),
            HttpStatusCode.BadRequest, "invalid-form"),
        ["truncated_multipart"] = (() => Search(TruncatedMultipart()), HttpStatusCode.BadRequest, "invalid-form"),
        ["k_zero"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=0"), HttpStatusCode.BadRequest, "invalid-k"),
        ["k_ten_to_the_sixth"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=1000000"), HttpStatusCode.BadRequest, "invalid-k"),
        ["k_negative"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=-5"), HttpStatusCode.BadRequest, "invalid-k"),
        ["k_with_a_nul_character"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=5%00"), HttpStatusCode.BadRequest, "invalid-k"),
        ["expand_with_a_nul_character"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?expand=1%00"), HttpStatusCode.BadRequest, "invalid-expand"),
        ["k_not_a_number"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=ten"), HttpStatusCode.BadRequest, "invalid-k"),
        ["k_beyond_int64"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=99999999999999999999999"), HttpStatusCode.BadRequest, "invalid-k"),
        ["k_given_twice"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?k=1&k=2"), HttpStatusCode.BadRequest, "invalid-k"),
        ["expand_negative"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?expand=-1"), HttpStatusCode.BadRequest, "invalid-expand"),
        ["expand_above_100"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?expand=101"), HttpStatusCode.BadRequest, "invalid-expand"),
        ["expand_not_a_number"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?expand=three"), HttpStatusCode.BadRequest, "invalid-expand"),
        ["expand_fraction"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?expand=1.5"), HttpStatusCode.BadRequest, "invalid-expand"),
        ["expand_given_twice"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?expand=1&expand=2"), HttpStatusCode.BadRequest, "invalid-expand"),
        ["unknown_mode"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?mode=fast"), HttpStatusCode.BadRequest, "invalid-mode"),
        ["filter_not_json"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?filter=kind%3Danimal"), HttpStatusCode.BadRequest, "invalid-filter"),
        ["filter_an_array"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?filter=%5B1%2C2%5D"), HttpStatusCode.BadRequest, "invalid-filter"),
        ["filter_nested_too_deep"] = (() => Search(Requests.SearchForm(Photos.Get("home")), "?filter=" + Uri.EscapeDataString(new string('[', 40) + new string(']', 40))),
            HttpStatusCode.BadRequest, "invalid-filter"),
        // Valid JSON that PostgreSQL's jsonb refuses (22P05, 22003) or System.Text.Json cannot turn into a string.
        ["filter_with_a_nul_character"] = (() => Search(Requests.SearchForm(Photos.Get("home")), Filter("{\"kind\":\"a\\u0000b\"}")),
            HttpStatusCode.BadRequest, "invalid-filter"),
        ["filter_key_with_a_nul_character"] = (() => Search(Requests.SearchForm(Photos.Get("home")), Filter("{\"k\\u0000\":1}")),
            HttpStatusCode.BadRequest, "invalid-filter"),
        ["filter_with_a_lone_surrogate"] = (() => Search(Requests.SearchForm(Photos.Get("home")), Filter("{\"kind\":\"\\ud800\"}")),
            HttpStatusCode.BadRequest, "invalid-filter"),
        ["filter_with_a_number_beyond_numeric"] = (() => Search(Requests.SearchForm(Photos.Get("home")), Filter("{\"n\":1e999999}")),
            HttpStatusCode.BadRequest, "invalid-filter"),
        ["filter_with_a_number_below_numeric"] = (() => Search(Requests.SearchForm(Photos.Get("home")), Filter("{\"n\":[1e-20000]}")),
            HttpStatusCode.BadRequest, "invalid-filter"),
        ["id_with_an_encoded_slash"] = (() => new HttpRequestMessage(HttpMethod.Get, "/images/a%2Fb"), HttpStatusCode.BadRequest, "invalid-id"),
        ["id_with_an_encoded_backslash"] = (() => new HttpRequestMessage(HttpMethod.Delete, "/images/a%5Cb"), HttpStatusCode.BadRequest, "invalid-id"),
        ["id_with_a_control_character"] = (() => new HttpRequestMessage(HttpMethod.Get, "/images/bell%07"), HttpStatusCode.BadRequest, "invalid-id"),
        ["id_too_long"] = (() => new HttpRequestMessage(HttpMethod.Get, "/images/" + new string('x', 300)), HttpStatusCode.BadRequest, "invalid-id"),
        ["unknown_route"] = (() => new HttpRequestMessage(HttpMethod.Get, "/searches"), HttpStatusCode.NotFound, "not-found"),
        ["wrong_method"] = (() => new HttpRequestMessage(HttpMethod.Get, "/search"), HttpStatusCode.MethodNotAllowed, "http-error"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_malformed_request_gets_the_right_4xx_problem_details(string name)
    {
        var (request, status, code) = Cases[name];

        using var response = await gallery.Client.SendAsync(request());

        var problem = await ProblemAssert.IsProblemAsync(response, status, code);
        // Details speak of the client's input, never of the .NET types or reader that handled it.
        Assert.DoesNotContain("System.", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void The_corpus_has_at_least_twenty_malformed_inputs() => Assert.True(Cases.Count >= 20);

    private static ByteArrayContent WithoutContentType(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = null;
        return content;
    }

    private static string Filter(string json) => "?filter=" + Uri.EscapeDataString(json);

    private static HttpRequestMessage Search(HttpContent content, string query = "") =>
        new(HttpMethod.Post, "/search" + query) { Content = content };

    private static MultipartFormDataContent TwoImages()
    {
        var form = Requests.SearchForm(Photos.Get("home"));
        form.Add(new ByteArrayContent(Photos.Get("fruits")), "image", "second.jpg");
        return form;
    }

    private static ByteArrayContent MultipartWithBoundary(string declared, string used)
    {
        var body = Encoding.ASCII.GetBytes($"--{used}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n" +
            $"Content-Type: image/jpeg\r\n\r\n").Concat(Photos.Get("home")).Concat(Encoding.ASCII.GetBytes($"\r\n--{used}--\r\n")).ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={declared}");
        return content;
    }

    private static ByteArrayContent TruncatedMultipart()
    {
        var body = Encoding.ASCII.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n" +
            "Content-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\xE0 and then the connection dropped");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        return content;
    }
}
