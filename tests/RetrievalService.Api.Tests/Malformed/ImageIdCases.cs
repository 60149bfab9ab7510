using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary><c>GET</c> and <c>DELETE /images/{id}</c> with ids no image can have, path tricks, and ids nobody indexed.</summary>
internal static class ImageIdCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        Invalid("id_with_an_encoded_slash", "a%2Fb"),
        Invalid("id_with_an_encoded_slash_in_lower_case", "a%2fb"),
        Invalid("id_with_a_double_encoded_slash", "a%252Fb"),
        Invalid("id_with_an_encoded_backslash", "a%5Cb", HttpMethod.Delete),
        Invalid("id_with_a_leading_space", "%20photo"),
        Invalid("id_with_a_trailing_space", "photo%20"),
        Invalid("id_with_a_bell_character", "bell%07"),
        Invalid("id_with_a_tab", "a%09b"),
        Invalid("id_with_a_newline_to_forge_a_log_line", "a%0AINFO%20deleted%20everything", HttpMethod.Delete),
        Invalid("id_with_an_ansi_escape_sequence", "a%1B%5B31mred"),
        Invalid("id_with_the_delete_character", "a%7Fb"),
        Invalid("id_with_a_c1_control_character", "a%C2%85b"),
        Invalid("id_with_a_zero_width_space", "a%E2%80%8Bb"),
        Invalid("id_with_a_right_to_left_override", "photo%E2%80%AEgpj.exe"),
        Invalid("id_starting_with_a_byte_order_mark", "%EF%BB%BFphoto"),
        Invalid("id_with_a_line_separator", "a%E2%80%A8b"),
        Invalid("id_too_long", new string('x', 300)),
        // 256 characters as a person counts them, 512 UTF-16 code units as the limit counts them.
        Invalid("id_of_256_emoji", string.Concat(Enumerable.Repeat("%F0%9F%93%B7", 256))),
        new("id_that_was_never_indexed", () => Send.Get("/images/never-indexed"), NotFound, "image-not-found"),
        new("delete_of_an_id_that_was_never_indexed", () => new HttpRequestMessage(HttpMethod.Delete, "/images/never-indexed"), NotFound, "image-not-found"),
        // A look-alike of '/' is an ordinary character: it names no other path.
        new("id_with_a_division_slash_look_alike", () => Send.Get("/images/fruits%E2%88%95..%E2%88%95..%E2%88%95etc"), NotFound, "image-not-found"),
        new("thumbnail_without_an_id", () => Send.Get("/images//thumbnail"), NotFound, "not-found"),
        new("id_with_a_real_slash", () => Send.Get("/images/a/b"), NotFound, "not-found"),
    ];

    private static MalformedCase Invalid(string name, string encodedId, HttpMethod? method = null) =>
        new(name, () => new HttpRequestMessage(method ?? HttpMethod.Get, "/images/" + encodedId), BadRequest, "invalid-id");
}
