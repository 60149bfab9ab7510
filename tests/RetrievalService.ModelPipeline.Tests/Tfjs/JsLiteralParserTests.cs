using System.Text.Json.Nodes;
using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

public sealed class JsLiteralParserTests
{
    [Fact]
    public void Minified_object_with_unquoted_keys_and_bang_booleans_becomes_json()
    {
        var node = JsLiteralParser.Parse("""{a:1,"b c":[!0,!1],$d:.5,_e:-.25,f:1e-5,g:'it\'s',h:null,i:void 0,7:{j:"\u0041\x42\n"}}""")!;

        Assert.Equal(1, node["a"]!.GetValue<int>());
        Assert.Equal([true, false], node["b c"]!.AsArray().Select(v => v!.GetValue<bool>()));
        Assert.Equal(0.5, node["$d"]!.GetValue<double>());
        Assert.Equal(-0.25, node["_e"]!.GetValue<double>());
        Assert.Equal(1e-5, node["f"]!.GetValue<double>());
        Assert.Equal("it's", node["g"]!.GetValue<string>());
        Assert.Null(node["h"]);
        Assert.Null(node["i"]);
        Assert.Equal("AB\n", node["7"]!["j"]!.GetValue<string>());
    }

    [Fact]
    public void Whitespace_and_trailing_commas_are_tolerated()
    {
        var node = JsLiteralParser.Parse(" { list : [ 1 , 2 , ] , } ")!;

        Assert.Equal([1, 2], node["list"]!.AsArray().Select(v => v!.GetValue<int>()));
    }

    [Fact]
    public void Doubles_round_trip_exactly()
    {
        var node = JsLiteralParser.Parse("{min:-.020723959233830958,scale:.00030034723527291244}")!;

        Assert.Equal(-0.020723959233830958, node["min"]!.GetValue<double>());
        Assert.Equal(0.00030034723527291244, node["scale"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("{a:b}")]
    [InlineData("{a:1")]
    [InlineData("{a:!2}")]
    [InlineData("{a:function(){}}")]
    public void Expressions_and_truncated_text_are_rejected_with_an_offset(string text)
    {
        var error = Assert.Throws<FormatException>(() => JsLiteralParser.Parse(text));
        Assert.Contains("offset", error.Message);
    }

    [Fact]
    public void The_literal_assigned_to_exports_is_read_from_a_umd_bundle()
    {
        const string bundle = """
            !function(t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t():define([],t)}
            (function(){return function t(e,a,l){}({1:[function(t,e,a){e.exports="QUJD"},{}]},{},[1])(1)});
            """;

        Assert.Equal("QUJD", UmdModuleReader.ReadExport(bundle).GetValue<string>());
        Assert.IsType<JsonObject>(UmdModuleReader.ReadExport("n.exports={a:[1]}"));
    }
}
