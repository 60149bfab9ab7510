using System.Text.Json;
using System.Text.Json.Nodes;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>
/// Parses one JavaScript literal (object, array, string, number, boolean, null) as minifiers emit it:
/// unquoted or single-quoted keys, <c>!0</c>/<c>!1</c> booleans, <c>void 0</c>, numbers like <c>.5</c> or <c>1e-5</c>.
/// Expressions, functions and comments are not accepted; the parser exists to read data, never to run code.
/// </summary>
public sealed partial class JsLiteralParser
{
    private readonly string _text;
    private int _position;
    private readonly Utf8JsonWriter _writer;

    private JsLiteralParser(string text, int start, Utf8JsonWriter writer)
    {
        _text = text;
        _position = start;
        _writer = writer;
    }

    /// <summary>Parses the literal that starts at <paramref name="start"/> (after optional whitespace).</summary>
    /// <exception cref="FormatException">The text is not a literal; the message gives the offset.</exception>
    public static JsonNode? Parse(string text, int start = 0) => Parse(text, start, out _);

    /// <summary>As <see cref="Parse(string, int)"/>; <paramref name="end"/> is the offset just after the literal.</summary>
    public static JsonNode? Parse(string text, int start, out int end)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var parser = new JsLiteralParser(text, start, writer);
            parser.ParseValue();
            end = parser._position;
        }
        return JsonNode.Parse(buffer.ToArray());
    }

    private void ParseValue()
    {
        SkipWhitespace();
        var c = Peek();
        switch (c)
        {
            case '{': ParseObject(); break;
            case '[': ParseArray(); break;
            case '"' or '\'': _writer.WriteStringValue(ParseString()); break;
            case '!': ParseNegatedNumber(); break;
            case '-' or '+' or '.' or (>= '0' and <= '9'): WriteNumber(ParseNumberText()); break;
            default: ParseKeyword(); break;
        }
    }

    private void ParseObject()
    {
        Expect('{');
        _writer.WriteStartObject();
        while (SkipWhitespace() != '}')
        {
            _writer.WritePropertyName(ParseKey());
            SkipWhitespace();
            Expect(':');
            ParseValue();
            if (SkipWhitespace() != ',')
            {
                break;
            }
            _position++;
        }
        Expect('}');
        _writer.WriteEndObject();
    }

    private void ParseArray()
    {
        Expect('[');
        _writer.WriteStartArray();
        while (SkipWhitespace() != ']')
        {
            ParseValue();
            if (SkipWhitespace() != ',')
            {
                break;
            }
            _position++;
        }
        Expect(']');
        _writer.WriteEndArray();
    }

    private string ParseKey() => Peek() switch
    {
        '"' or '\'' => ParseString(),
        >= '0' and <= '9' => ParseNumberText(),
        _ => ParseIdentifier(),
    };
}
