using System.IO.Compression;
using System.Text;
using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary><c>POST /search</c> bodies and content types: no image, the wrong kind of body, or too much of it.</summary>
internal static class SearchBodyCases
{
    private static byte[] Home => Photos.Get("home");

    public static IEnumerable<MalformedCase> All =>
    [
        new("zero_bytes", () => Send.Search(Requests.Raw([], "image/jpeg")), BadRequest, "image-empty"),
        new("zero_bytes_sent_chunked", () => Send.Search(Send.Chunked([], "image/jpeg")), BadRequest, "image-empty"),
        new("no_body_at_all", () => Send.Search(null), BadRequest, "image-missing"),
        new("search_path_in_upper_case_without_a_body", () => new HttpRequestMessage(HttpMethod.Post, "/SEARCH"), BadRequest, "image-missing"),
        new("text_plain_body", () => Send.Search(Requests.Raw(Home, "text/plain")), UnsupportedMediaType, "unsupported-media-type"),
        new("text_html_with_a_charset", () => Send.Search(Requests.Raw(Home, "text/html; charset=utf-8")), UnsupportedMediaType, "unsupported-media-type"),
        new("curl_data_binary_without_content_type", () => Send.Search(Requests.Raw(Home, "application/x-www-form-urlencoded")),
            UnsupportedMediaType, "unsupported-media-type"),
        new("image_bytes_without_a_content_type", () => Send.Search(Send.WithRawContentType(Home)), UnsupportedMediaType, "unsupported-media-type"),
        // A JSON body is a query vector; an image in it is a field a vector query does not have.
        new("json_body_with_a_base64_image", () => Send.Search(Requests.AsJson(new { image = Convert.ToBase64String(Home) })),
            BadRequest, "unknown-field"),
        new("json_vector_with_an_after_that_is_no_position", () => Send.Search(Requests.AsJson(new { embedding = new float[512], after = "soon" })),
            BadRequest, "invalid-position"),
        new("json_vector_with_an_after_that_is_a_number", () => Send.Search(Requests.AsJson(new { embedding = new float[512], after = 5 })),
            BadRequest, "invalid-position"),
        new("json_vector_with_a_filter_number_of_16400_digits_after_the_point", () => Send.Search(Json(
            "{\"embedding\":[0.1],\"filter\":{\"n\":0." + new string('0', 16_400) + "1}}")), BadRequest, "invalid-filter"),
        // System.Text.Json would keep the last value of a repeated key in silence.
        new("json_vector_with_k_given_twice", () => Send.Search(Json("""{"embedding":[0.1],"k":3,"k":500}""")), BadRequest, "invalid-k"),
        new("json_vector_with_a_key_repeated_in_its_filter", () => Send.Search(Json("""{"embedding":[0.1],"filter":{"kind":"animal","kind":"other"}}""")),
            BadRequest, "invalid-filter"),
        new("json_vector_of_three_values", () => Send.Search(Requests.AsJson(new { embedding = new[] { 0.1, 0.2, 0.3 } })),
            BadRequest, "invalid-embedding"),
        new("json_vector_of_strings", () => Send.Search(Requests.AsJson(new { embedding = new[] { "0.1", "0.2" } })),
            BadRequest, "invalid-embedding"),
        new("json_vector_all_zero", () => Send.Search(Requests.AsJson(new { embedding = new float[512] })),
            BadRequest, "invalid-embedding"),
        new("json_without_an_embedding", () => Send.Search(Requests.AsJson(new { k = 3 })),
            BadRequest, "invalid-embedding"),
        new("json_vector_for_symmetric_mode", () => Send.Search(Requests.AsJson(new { embedding = new float[512], mode = "symmetric" })),
            BadRequest, "invalid-embedding"),
        new("content_type_image_without_a_subtype", () => Send.Search(Send.WithRawContentType(Home, "image")),
            UnsupportedMediaType, "unsupported-media-type"),
        new("content_type_only_a_semicolon", () => Send.Search(Send.WithRawContentType(Home, ";")), UnsupportedMediaType, "unsupported-media-type"),
        new("content_type_multipart_mixed", () => Send.Search(Requests.Raw(Home, "multipart/mixed; boundary=x")),
            UnsupportedMediaType, "unsupported-media-type"),
        // Two Content-Type headers are no single media type; taking the first would let a proxy and the server disagree.
        new("two_content_types_image_and_text", () => Send.Search(Send.WithRawContentType(Home, "image/jpeg", "text/plain")),
            UnsupportedMediaType, "unsupported-media-type"),
        new("image_jpeg_with_a_charset_holding_html", () => Send.Search(Requests.Raw("<html><body>hi</body></html>"u8.ToArray(), "image/jpeg; charset=utf-8")),
            UnsupportedMediaType, "image-unsupported"),
        new("upper_case_image_type_holding_xml", () => Send.Search(Send.WithRawContentType("<?xml version=\"1.0\"?><a/>"u8.ToArray(), "IMAGE/JPEG")),
            UnsupportedMediaType, "image-unsupported"),
        new("base64_text_of_a_jpeg_sent_as_image_jpeg", () => Send.Search(Requests.Raw(Encoding.ASCII.GetBytes(Convert.ToBase64String(Home)), "image/jpeg")),
            UnsupportedMediaType, "image-unsupported"),
        new("data_uri_of_a_jpeg_sent_as_image_jpeg", () => Send.Search(Requests.Raw(Encoding.ASCII.GetBytes("data:image/jpeg;base64," + Convert.ToBase64String(Home)), "image/jpeg")),
            UnsupportedMediaType, "image-unsupported"),
        // The server does not decode Content-Encoding: the body it sees is gzip, not JPEG.
        new("gzip_content_encoding_of_a_jpeg", () => Send.Search(Gzipped(Home)), UnsupportedMediaType, "image-unsupported"),
        new("a_multipart_body_declared_as_image_jpeg", () => Send.Search(Requests.Raw(
            Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n\r\n").Concat(Home).ToArray(), "image/jpeg")),
            UnsupportedMediaType, "image-unsupported"),
        new("image_file_over_the_byte_limit", () => Send.Search(Requests.Raw(TestImages.Noise((int)(4.5 * 1024 * 1024), 3), "image/jpeg")),
            RequestEntityTooLarge, "image-too-large"),
        new("search_body_over_the_request_limit", () => Send.Search(Requests.Raw(new byte[6 * 1024 * 1024], "image/jpeg")),
            RequestEntityTooLarge, "payload-too-large"),
        new("chunked_body_over_the_request_limit", () => Send.Search(Send.Chunked(new byte[6 * 1024 * 1024], "image/jpeg")),
            RequestEntityTooLarge, "payload-too-large"),
    ];

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static ByteArrayContent Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }
        var content = Requests.Raw(buffer.ToArray(), "image/jpeg");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
