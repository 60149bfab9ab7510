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
}
