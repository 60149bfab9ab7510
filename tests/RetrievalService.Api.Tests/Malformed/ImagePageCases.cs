using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary><c>GET /images</c> with limits and cursors no page can have, and thumbnails of ids that are invalid or were never indexed.</summary>
internal static class ImagePageCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        Invalid("page_limit_zero", "limit=0"),
        Invalid("page_limit_over_200", "limit=201"),
        Invalid("page_limit_negative", "limit=-1"),
        Invalid("page_limit_with_a_plus_sign", "limit=%2B5"),
        Invalid("page_limit_with_a_fraction", "limit=5.0"),
        Invalid("page_limit_in_words", "limit=ten"),
        Invalid("page_limit_beyond_any_integer", "limit=99999999999999999999999"),
        Invalid("page_limit_empty", "limit="),
        Invalid("page_limit_with_a_nul_character", "limit=5%00"),
        Invalid("page_limit_given_twice", "limit=5&limit=6"),
        Invalid("page_after_empty", "after="),
        Invalid("page_after_with_a_slash", "after=a%2Fb"),
        Invalid("page_after_with_a_newline", "after=a%0Ab"),
        Invalid("page_after_too_long", "after=" + new string('x', 300)),
        Invalid("page_after_given_twice", "after=a&after=b"),
        new("thumbnail_of_an_id_that_was_never_indexed", () => Send.Get("/images/never-indexed/thumbnail"), NotFound, "image-not-found"),
        new("thumbnail_of_an_id_with_an_encoded_slash", () => Send.Get("/images/a%2Fb/thumbnail"), BadRequest, "invalid-id"),
    ];

    private static MalformedCase Invalid(string name, string query) =>
        new(name, () => Send.Get("/images?" + query), BadRequest, "invalid-page");
}
