using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary><c>k</c>, <c>mode</c>, <c>model</c>, <c>expand</c> and <c>after</c> of <c>POST /search</c>, in the query string and in form fields.</summary>
internal static class SearchParameterCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        K("k_zero", "?k=0"),
        K("k_just_past_the_maximum", "?k=1001"),
        K("k_ten_to_the_sixth", "?k=1000000"),
        K("k_just_past_int32", "?k=2147483648"),
        K("k_beyond_int64", "?k=99999999999999999999999"),
        K("k_int64_minimum", "?k=-9223372036854775808"),
        K("k_negative", "?k=-5"),
        K("k_double_minus", "?k=--5"),
        K("k_not_a_number", "?k=ten"),
        K("k_fraction", "?k=2.5"),
        K("k_exponent", "?k=1e2"),
        K("k_hexadecimal", "?k=0x10"),
        K("k_thousands_separator", "?k=1%2C000"),
        K("k_arabic_indic_digit", "?k=%D9%A3"),
        K("k_fullwidth_digit", "?k=%EF%BC%95"),
        K("k_superscript_digit", "?k=%C2%B2"),
        K("k_with_a_leading_space", "?k=%205"),
        K("k_with_a_trailing_newline", "?k=5%0A"),
        // '+' in a query string is a space.
        K("k_with_a_raw_plus_sign", "?k=+5"),
        K("k_with_a_nul_character", "?k=5%00"),
        K("k_with_a_broken_percent_escape", "?k=%ZZ"),
        K("k_with_a_semicolon_and_a_second_parameter", "?k=5;mode=symmetric"),
        K("k_given_twice", "?k=1&k=2"),
        // Query keys are case-insensitive: K and k are the same parameter.
        K("k_given_twice_in_two_cases", "?k=1&K=2"),
        new("k_in_query_and_form", () => Send.Search(Requests.SearchForm(Home).WithText("k", "3"), "?k=3"), BadRequest, "invalid-k"),
        new("k_form_field_not_a_number", () => Send.Search(Requests.SearchForm(Home).WithText("k", "three")), BadRequest, "invalid-k"),
        new("k_form_field_given_twice", () => Send.Search(Requests.SearchForm(Home).WithText("k", "3").WithText("k", "4")), BadRequest, "invalid-k"),
        Model("model_not_served", "?model=student-from-the-future"),
        Model("model_with_a_slash", "?model=models%2Fteacher-resnet18-gem"),
        Model("model_empty", "?model="),
        Model("model_with_symmetric_mode", "?mode=symmetric&model=teacher-resnet18-gem-int8"),
        Model("model_given_twice", "?model=teacher-resnet18-gem-int8&model=teacher-resnet18-gem-int8"),
        Mode("unknown_mode", "?mode=fast"),
        Mode("mode_with_a_trailing_space", "?mode=symmetric%20"),
        Mode("mode_as_a_number", "?mode=1"),
        Mode("mode_with_a_dotless_i", "?mode=symmetr%C4%B1c"),
        Mode("mode_given_twice", "?mode=symmetric&mode=asymmetric"),
        new("mode_in_query_and_form", () => Send.Search(Requests.SearchForm(Home).WithText("mode", "symmetric"), "?mode=symmetric"), BadRequest, "invalid-mode"),
        Expand("expand_negative", "?expand=-1"),
        Expand("expand_above_100", "?expand=101"),
        Expand("expand_beyond_int32", "?expand=99999999999"),
        Expand("expand_not_a_number", "?expand=three"),
        Expand("expand_fraction", "?expand=1.5"),
        Expand("expand_hexadecimal", "?expand=0x1"),
        Expand("expand_with_an_encoded_plus_sign", "?expand=%2B1"),
        Expand("expand_with_a_nul_character", "?expand=1%00"),
        Expand("expand_given_twice", "?expand=1&expand=2"),
        new("expand_in_query_and_form", () => Send.Search(Requests.SearchForm(Home).WithText("expand", "1"), "?expand=1"), BadRequest, "invalid-expand"),
        new("expand_form_field_fraction", () => Send.Search(Requests.SearchForm(Home).WithText("expand", "0.5")), BadRequest, "invalid-expand"),
        After("after_empty", "?after="),
        After("after_not_a_position", "?after=latest"),
        After("after_a_bare_number", "?after=12345"),
        After("after_with_three_parts", "?after=0/1/2"),
        After("after_with_nine_digits", "?after=123456789/0"),
        After("after_with_an_encoded_plus_sign", "?after=%2B0/16B3748"),
        After("after_with_a_hex_prefix", "?after=0x0/16B3748"),
        After("after_with_a_trailing_space", "?after=0/16B3748%20"),
        After("after_with_a_nul_character", "?after=0/16B3748%00"),
        After("after_with_a_fullwidth_digit", "?after=0/%EF%BC%95"),
        After("after_given_twice", "?after=0/1&after=0/2"),
        new("after_in_query_and_form", () => Send.Search(Requests.SearchForm(Home).WithText("after", "0/1"), "?after=0/1"), BadRequest, "invalid-position"),
        // Unknown names are refused as unknown form fields are, so a typo never runs another search than the one meant.
        new("query_parameter_filter_misspelt", () => Send.Search(Requests.SearchForm(Home), "?k=3&filtr=%7B%22kind%22%3A%22animal%22%7D"), BadRequest, "unknown-field"),
        new("query_parameter_image", () => Send.Search(Requests.Raw(Home, "image/jpeg"), "?image=home.jpg"), BadRequest, "unknown-field"),
        new("query_parameter_limit_of_the_image_pages", () => Send.Search(Requests.SearchForm(Home), "?limit=5"), BadRequest, "unknown-field"),
        new("query_parameter_misspelt_with_a_json_vector", () => Send.Search(Requests.AsJson(new { embedding = new[] { 0.1 } }), "?filtr=%7B%7D"),
            BadRequest, "unknown-field"),
        new("after_form_field_not_a_position", () => Send.Search(Requests.SearchForm(Home).WithText("after", "yesterday")), BadRequest, "invalid-position"),
    ];

    private static byte[] Home => Photos.Get("home");

    private static MalformedCase K(string name, string query) => Query(name, query, "invalid-k");

    private static MalformedCase Mode(string name, string query) => Query(name, query, "invalid-mode");

    private static MalformedCase Model(string name, string query) => Query(name, query, "unknown-model");

    private static MalformedCase Expand(string name, string query) => Query(name, query, "invalid-expand");

    private static MalformedCase After(string name, string query) => Query(name, query, "invalid-position");

    private static MalformedCase Query(string name, string query, string code) =>
        new(name, () => Send.Search(Requests.SearchForm(Home), query), BadRequest, code);
}
