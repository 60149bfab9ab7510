using System.Globalization;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Booleans, null and numbers for <see cref="JsLiteralParser"/>.</summary>
public sealed partial class JsLiteralParser
{
    private void ParseNegatedNumber()
    {
        // Minifiers write true as !0 and false as !1; any other negation is an expression.
        Expect('!');
        var operand = ParseNumberText();
        _writer.WriteBooleanValue(operand switch
        {
            "0" => true,
            "1" => false,
            _ => throw Error($"unsupported negation '!{operand}'"),
        });
    }

    private void ParseKeyword()
    {
        var word = ParseIdentifier();
        switch (word)
        {
            case "true": _writer.WriteBooleanValue(true); break;
            case "false": _writer.WriteBooleanValue(false); break;
            case "null": _writer.WriteNullValue(); break;
            case "void":
                SkipWhitespace();
                ParseNumberText();
                _writer.WriteNullValue();
                break;
            default: throw Error($"'{word}' is not a literal");
        }
    }

    private void WriteNumber(string text)
    {
        // Integers stay integers so shapes read back as int; everything else is a round-trip double.
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            _writer.WriteNumberValue(integer);
        }
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            _writer.WriteNumberValue(real);
        }
        else
        {
            throw Error($"'{text}' is not a finite decimal number");
        }
    }
}
