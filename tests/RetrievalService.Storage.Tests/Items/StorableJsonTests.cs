using System.Text.Json;
using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Tests.Items;

public sealed class StorableJsonTests
{
    [Theory]
    [InlineData("""{"kind":"a\u0000b"}""", "U+0000")]
    [InlineData("""{"k\u0000":1}""", "U+0000")]
    [InlineData("""{"kind":"\ud800"}""", "surrogate")]
    [InlineData("""{"kind":["x","\udc00y"]}""", "surrogate")]
    [InlineData("""{"n":1e999999}""", "1e999999")]
    [InlineData("""{"n":[1e-20000]}""", "1e-20000")]
    [InlineData("""{"n":-1E+1001}""", "-1E+1001")]
    public void Valid_json_that_jsonb_refuses_is_named(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Contains(expected, StorableJson.Problem(document.RootElement), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"shoes","tags":["a","b"],"n":1.5e300,"m":-2E-300,"ok":true,"none":null}""")]
    [InlineData("""{"emoji":"\ud83d\ude00","text":"naïve — ok"}""")]
    public void Ordinary_metadata_passes(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(StorableJson.Problem(document.RootElement));
    }

    [Fact]
    public void Nesting_at_the_maximum_depth_passes_and_one_level_more_is_named()
    {
        using var atLimit = JsonDocument.Parse(Nested(StorableJson.MaxDepth));
        using var overLimit = JsonDocument.Parse(Nested(StorableJson.MaxDepth + 1));

        Assert.Null(StorableJson.Problem(atLimit.RootElement));
        Assert.Contains($"more than {StorableJson.MaxDepth} levels", StorableJson.Problem(overLimit.RootElement), StringComparison.Ordinal);
    }

    // Digits after the point are counted once the exponent has moved it, as numeric counts them.
    [Theory]
    [InlineData("0.", 16_382, "1")]
    [InlineData("-0.", 16_384, "1e2")]
    [InlineData("1.", 16_000, "e-383")]
    public void A_number_with_as_many_digits_after_the_point_as_numeric_keeps_passes(string head, int zeros, string tail)
    {
        using var document = JsonDocument.Parse(Number(head, zeros, tail));

        Assert.Null(StorableJson.Problem(document.RootElement));
    }

    [Theory]
    [InlineData("0.", 16_383, "1")]
    [InlineData("1.", 16_384, "")]
    [InlineData("0.", 16_384, "1E+1")]
    [InlineData("1.", 16_000, "e-384")]
    public void A_number_with_more_digits_after_the_point_than_numeric_keeps_is_named(string head, int zeros, string tail)
    {
        using var document = JsonDocument.Parse(Number(head, zeros, tail));

        Assert.Contains($"more than {StorableJson.MaxFractionDigits} digits", StorableJson.Problem(document.RootElement), StringComparison.Ordinal);
    }

    private static string Number(string head, int zeros, string tail) => $"{{\"n\":{head}{new string('0', zeros)}{tail}}}";

    // An object holding arrays and objects by turns, `levels` of them in all.
    private static string Nested(int levels) =>
        levels == 1 ? "{}" : "{\"a\":[" + (levels == 2 ? "" : Nested(levels - 2)) + "]}";
}
