using System.Globalization;
using System.Text;

namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Character-level scanning for <see cref="JsLiteralParser"/>.</summary>
public sealed partial class JsLiteralParser
{
    private char Peek() => _position < _text.Length ? _text[_position] : throw Error("unexpected end of text");

    private char SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
        return Peek();
    }

    private void Expect(char expected)
    {
        if (SkipWhitespace() != expected)
        {
            throw Error($"expected '{expected}' but found '{Peek()}'");
        }
        _position++;
    }

    private string ParseIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
        {
            _position++;
        }
        return _position > start ? _text[start.._position] : throw Error($"unexpected '{Peek()}'");
    }

    private string ParseNumberText()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '.' or '+' or '-'))
        {
            // A sign is part of the number only at its start or right after an exponent marker.
            if (_text[_position] is '+' or '-' && _position > start && _text[_position - 1] is not ('e' or 'E'))
            {
                break;
            }
            _position++;
        }
        return _position > start ? _text[start.._position] : throw Error($"unexpected '{Peek()}'");
    }

    private string ParseString()
    {
        var quote = Peek();
        _position++;
        var result = new StringBuilder();
        while (Peek() != quote)
        {
            var c = _text[_position++];
            result.Append(c == '\\' ? ParseEscape() : c);
        }
        _position++;
        return result.ToString();
    }

    private string ParseEscape()
    {
        var c = Peek();
        _position++;
        return c switch
        {
            'n' => "\n",
            't' => "\t",
            'r' => "\r",
            'b' => "\b",
            'f' => "\f",
            'v' => "\v",
            '0' => "\0",
            'x' => ((char)HexDigits(2)).ToString(),
            'u' => ((char)HexDigits(4)).ToString(),
            '\n' => string.Empty,
            _ => c.ToString(),
        };
    }

    private int HexDigits(int count)
    {
        if (_position + count > _text.Length
            || !int.TryParse(_text.AsSpan(_position, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"bad \\x or \\u escape");
        }
        _position += count;
        return value;
    }

    private FormatException Error(string problem) =>
        new($"Not a JavaScript literal at offset {_position}: {problem}.");
}
