using System.Text;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary><c>PATCH /images/{id}</c> with bodies that are no <c>{"metadata": {…}}</c> the store can keep, or no JSON at all.</summary>
internal static class ImagePatchCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        Invalid("patch_with_an_empty_json_body", ""),
        Invalid("patch_with_a_body_that_is_no_json", "metadata: {kind: shoe}"),
        Invalid("patch_with_an_array_body", """[{"metadata":{}}]"""),
        Invalid("patch_without_metadata", "{}"),
        Invalid("patch_with_metadata_null", """{"metadata":null}"""),
        Invalid("patch_with_metadata_an_array", """{"metadata":["shoe"]}"""),
        Invalid("patch_with_another_property", """{"metadata":{},"source":"x"}"""),
        Invalid("patch_with_a_repeated_key", """{"metadata":{"kind":"shoe","kind":"boot"}}"""),
        Invalid("patch_with_a_repeated_metadata_property", """{"metadata":{},"metadata":{"kind":"boot"}}"""),
        Invalid("patch_with_a_nul_character", """{"metadata":{"kind":"a\u0000b"}}"""),
        Invalid("patch_with_an_unpaired_surrogate", """{"metadata":{"kind":"\ud800"}}"""),
        Invalid("patch_with_a_key_with_an_unpaired_surrogate", """{"metadata":{"\udc00":1}}"""),
        Invalid("patch_with_a_number_beyond_numeric", """{"metadata":{"n":1e1001}}"""),
        Invalid("patch_with_a_number_of_16400_digits_after_the_point", "{\"metadata\":{\"n\":0." + new string('0', 16_400) + "1}}"),
        Invalid("patch_nested_deeper_than_json_allows", "{\"metadata\":" + new string('[', 100) + new string(']', 100) + "}"),
        Invalid("patch_with_metadata_over_max_metadata_chars", "{\"metadata\":{\"note\":\"" + new string('x', 70_000) + "\"}}"),
        Invalid("patch_with_truncated_json", """{"metadata":{"kind":"sh"""),
        new("patch_with_a_body_over_the_limit", () => Patch("never-indexed", new string(' ', 300_000) + "{}", "application/json"), RequestEntityTooLarge, "payload-too-large"),
        new("patch_as_text_plain", () => Patch("never-indexed", """{"metadata":{}}""", "text/plain"), UnsupportedMediaType, "unsupported-media-type"),
        new("patch_as_a_form", () => Patch("never-indexed", "metadata=%7B%7D", "application/x-www-form-urlencoded"), UnsupportedMediaType, "unsupported-media-type"),
        new("patch_without_a_content_type", () => new HttpRequestMessage(HttpMethod.Patch, "/images/never-indexed"), UnsupportedMediaType, "unsupported-media-type"),
        new("patch_of_an_id_that_was_never_indexed", () => Patch("never-indexed", """{"metadata":{"kind":"shoe"}}""", "application/json"), NotFound, "image-not-found"),
        new("patch_of_an_id_with_an_encoded_slash", () => Patch("a%2Fb", """{"metadata":{}}""", "application/json"), BadRequest, "invalid-id"),
    ];

    // Sent to an id nobody indexed: a body that passed the checks would be a 404, so a 400 shows the body was refused.
    private static MalformedCase Invalid(string name, string body) =>
        new(name, () => Patch("never-indexed", body, "application/json"), BadRequest, "invalid-metadata");

    private static HttpRequestMessage Patch(string encodedId, string body, string contentType) =>
        new(HttpMethod.Patch, "/images/" + encodedId) { Content = Send.WithRawContentType(Encoding.UTF8.GetBytes(body), contentType) };
}
