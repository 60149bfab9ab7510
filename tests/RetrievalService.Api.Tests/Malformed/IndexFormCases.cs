using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary>
/// <c>POST /index</c> requests refused as a whole: the form, <c>ids</c> and <c>metadata</c> (a bad file or a bad
/// metadata value only rejects its own item, in a 200). The fixture allows 12 files and 8 MiB per request.
/// </summary>
internal static class IndexFormCases
{
    private static readonly byte[] Png = TestImages.FlatPng(8, 8);

    public static IEnumerable<MalformedCase> All =>
    [
        new("index_without_a_body", () => Send.Index(null), BadRequest, "image-missing"),
        new("index_form_without_files", () => Send.Index(new MultipartFormDataContent().WithText("ids", "[]")), BadRequest, "image-missing"),
        new("index_files_sent_as_text_fields", () => Send.Index(new MultipartFormDataContent().WithText("files", "a.png")), BadRequest, "image-missing"),
        new("index_wrong_field_name", () => Send.Index(new MultipartFormDataContent().WithFile("images", Png)), BadRequest, "unknown-field"),
        new("index_field_name_in_another_case", () => Send.Index(new MultipartFormDataContent().WithFile("Files", Png)), BadRequest, "unknown-field"),
        new("index_search_field_image", () => Send.Index(OneFile().WithFile("image", Png)), BadRequest, "unknown-field"),
        new("index_ids_sent_as_a_file", () => Send.Index(OneFile().WithFile("ids", "[\"x\"]"u8.ToArray(), "ids.json")), BadRequest, "invalid-form"),
        new("index_raw_image_body", () => Send.Index(Requests.Raw(Png, "image/png")), UnsupportedMediaType, "unsupported-media-type"),
        new("index_urlencoded_form", () => Send.Index(new FormUrlEncodedContent([new("files", "a.png")])), UnsupportedMediaType, "unsupported-media-type"),
        new("index_json_body", () => Send.Index(Requests.AsJson(new { files = new[] { "a.png" } })), UnsupportedMediaType, "unsupported-media-type"),
        new("index_multipart_without_a_boundary", () => Send.Index(Send.HandWrittenMultipart("multipart/form-data",
            "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n", Png, "\r\n--b--\r\n")), BadRequest, "invalid-form"),
        new("index_multipart_cut_inside_a_file", () => Send.Index(Send.HandWrittenMultipart("multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n\r\n", Png[..20])), BadRequest, "invalid-form"),
        new("index_thirteen_files_one_over_the_limit", () => Send.Index(Files(13)), RequestEntityTooLarge, "too-many-files"),
        new("index_forty_files", () => Send.Index(Files(40)), RequestEntityTooLarge, "too-many-files"),
        new("index_request_over_the_byte_limit", () => Send.Index(Requests.IndexForm([("big.jpg", new byte[9 * 1024 * 1024])])),
            RequestEntityTooLarge, "payload-too-large"),
        Ids("ids_not_json", "a,b"),
        Ids("ids_an_object", """{"a":1}"""),
        Ids("ids_a_string", "\"a\""),
        Ids("ids_null", "null"),
        Ids("ids_empty_array_for_one_file", "[]"),
        Ids("ids_more_than_files", """["a","b"]"""),
        Ids("ids_with_a_number", "[1]"),
        Ids("ids_with_a_null", "[null]"),
        Ids("ids_nested_array", """[["a"]]"""),
        Ids("ids_with_a_trailing_comma", """["a",]"""),
        Ids("ids_with_a_comment", """["a" /* the photo */]"""),
        Ids("ids_with_single_quotes", "['a']"),
        Ids("ids_nested_100_deep", new string('[', 100) + new string(']', 100)),
        Ids("ids_with_an_escaped_lone_surrogate", """["\ud800"]"""),
        new("ids_given_twice", () => Send.Index(OneFile().WithText("ids", "[\"a\"]").WithText("ids", "[\"b\"]")), BadRequest, "invalid-ids"),
        Metadata("metadata_not_json", "{kind: animal}"),
        Metadata("metadata_an_array", """[{"kind":"shoe"}]"""),
        Metadata("metadata_a_string", "\"shoe\""),
        Metadata("metadata_null", "null"),
        Metadata("metadata_for_an_unknown_id", """{"b.png":{"kind":"x"}}"""),
        Metadata("metadata_for_the_id_in_another_case", """{"A.PNG":{"kind":"x"}}"""),
        Metadata("metadata_with_a_trailing_comma", """{"a.png":{"kind":"x"},}"""),
        Metadata("metadata_with_a_comment", """{"a.png":{"kind":"x"} /* shoe */}"""),
        Metadata("metadata_with_nan", """{"a.png":{"n":NaN}}"""),
        Metadata("metadata_with_an_id_given_twice", """{"a.png":{"kind":"x"},"a.png":{"kind":"y"}}"""),
        Metadata("metadata_with_a_key_repeated_in_an_image_s_metadata", """{"a.png":{"kind":"x","kind":"y"}}"""),
        Metadata("metadata_unterminated", """{"a.png":{"kind":"x"}"""),
        Metadata("metadata_nested_100_deep", "{\"a.png\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 101)),
        Metadata("metadata_longer_than_max_metadata_chars", "{\"a.png\":{\"kind\":\"" + new string('x', 70_000) + "\"}}"),
        Metadata("metadata_id_with_an_escaped_lone_surrogate", """{"\ud800":{"kind":"x"}}"""),
        // Checking for repeated keys, System.Text.Json must read every key as text, so such a key fails the whole field.
        Metadata("metadata_key_with_an_escaped_lone_surrogate", """{"a.png":{"\udc00":1}}"""),
        new("metadata_given_twice", () => Send.Index(OneFile().WithText("metadata", "{}").WithText("metadata", "{}")), BadRequest, "invalid-metadata"),
    ];

    private static MultipartFormDataContent OneFile() => new MultipartFormDataContent().WithFile("files", Png, "a.png");

    private static MultipartFormDataContent Files(int count)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
        {
            form.WithFile("files", Png, $"f{i}.png");
        }
        return form;
    }

    private static MalformedCase Ids(string name, string ids) =>
        new(name, () => Send.Index(OneFile().WithText("ids", ids)), BadRequest, "invalid-ids");

    private static MalformedCase Metadata(string name, string metadata) =>
        new(name, () => Send.Index(OneFile().WithText("metadata", metadata)), BadRequest, "invalid-metadata");
}
