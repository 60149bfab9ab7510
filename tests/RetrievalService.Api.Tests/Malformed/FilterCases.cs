using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary>
/// The <c>filter</c> of <c>POST /search</c>: every way JSON can be broken, JSON that is no object, and valid JSON that
/// PostgreSQL's jsonb refuses (22P05, 22003) or System.Text.Json cannot turn into a string. The limit is the default
/// <c>MaxMetadataChars</c>, 65 536.
/// </summary>
internal static class FilterCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        Filter("filter_not_json", "kind=animal"),
        Filter("filter_with_a_trailing_comma", """{"kind":"animal",}"""),
        Filter("filter_with_a_comment", """{"kind":"animal" /* or other */}"""),
        Filter("filter_with_a_line_comment", "{\"kind\":\"animal\"} // animals"),
        Filter("filter_with_a_byte_order_mark", "\uFEFF{\"kind\":\"animal\"}"),
        Filter("filter_with_single_quotes", "{'kind':'animal'}"),
        Filter("filter_with_an_unquoted_key", """{kind:"animal"}"""),
        Filter("filter_with_nan", """{"n":NaN}"""),
        Filter("filter_with_infinity", """{"n":-Infinity}"""),
        Filter("filter_with_a_leading_zero_number", """{"n":007}"""),
        Filter("filter_with_an_invalid_escape", """{"kind":"\x41"}"""),
        Filter("filter_with_a_raw_tab_in_a_string", "{\"kind\":\"a\tb\"}"),
        Filter("filter_with_a_raw_nul_character", "{\"kind\":\"a\0b\"}"),
        Filter("filter_unterminated", """{"kind":"animal" """),
        Filter("filter_with_a_repeated_key", """{"kind":"animal","kind":"other"}"""),
        Filter("filter_with_a_key_repeated_in_a_nested_object", """{"tags":{"a":1,"a":2}}"""),
        Filter("filter_two_objects", """{"kind":"animal"}{"kind":"other"}"""),
        Filter("filter_an_array", "[1,2]"),
        Filter("filter_a_string", "\"animal\""),
        Filter("filter_a_number", "42"),
        Filter("filter_null", "null"),
        Filter("filter_nested_too_deep_in_arrays", "{\"a\":" + new string('[', 40) + new string(']', 40) + "}"),
        Filter("filter_objects_nested_17_deep", string.Concat(Enumerable.Repeat("{\"a\":", 17)) + "1" + new string('}', 17)),
        Filter("filter_longer_than_max_metadata_chars", "{\"kind\":\"" + new string('x', 70_000) + "\"}"),
        Filter("filter_with_a_nul_character", """{"kind":"a\u0000b"}"""),
        Filter("filter_key_with_a_nul_character", """{"k\u0000":1}"""),
        Filter("filter_with_a_lone_high_surrogate", """{"kind":"\ud800"}"""),
        Filter("filter_key_with_a_lone_low_surrogate", """{"\udc00":1}"""),
        Filter("filter_with_a_number_beyond_numeric", """{"n":1e999999}"""),
        Filter("filter_with_a_number_below_numeric", """{"n":[1e-20000]}"""),
        Filter("filter_with_a_number_beyond_double", """{"n":1e400}"""),
        Filter("filter_with_a_number_of_5000_digits", "{\"n\":" + new string('9', 5000) + "}"),
        new("filter_given_twice", () => Send.Search(Requests.SearchForm(Home), "?filter=%7B%7D&filter=%7B%7D"), BadRequest, "invalid-filter"),
        new("filter_in_query_and_form", () => Send.Search(Requests.SearchForm(Home).WithText("filter", "{}"), Query("{}")), BadRequest, "invalid-filter"),
        new("filter_form_field_not_json", () => Send.Search(Requests.SearchForm(Home).WithText("filter", "kind: animal")), BadRequest, "invalid-filter"),
        new("filter_form_field_with_a_number_of_16400_digits_after_the_point",
            () => Send.Search(Requests.SearchForm(Home).WithText("filter", "{\"n\":0." + new string('0', 16_400) + "1}")), BadRequest, "invalid-filter"),
        new("filter_form_field_longer_than_max_metadata_chars", () => Send.Search(Requests.SearchForm(Home).WithText("filter", "{\"k\":\"" + new string('y', 100_000) + "\"}")),
            BadRequest, "invalid-filter"),
    ];

    private static byte[] Home => Photos.Get("home");

    private static string Query(string json) => "?filter=" + Uri.EscapeDataString(json);

    private static MalformedCase Filter(string name, string json) =>
        new(name, () => Send.Search(Requests.SearchForm(Home), Query(json)), BadRequest, "invalid-filter");
}
