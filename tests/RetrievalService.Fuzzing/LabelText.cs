using System.Globalization;
using System.Text;

namespace RetrievalService.Fuzzing;

/// <summary>
/// Labels quote chunk types and FourCCs read out of mutated files, which can hold any byte; control characters
/// become <c>\xNN</c> so a label stays one printable line (the fuzz bench's worker protocol is one line per input).
/// </summary>
internal static class LabelText
{
    public static string Printable(string label)
    {
        if (!label.Any(IsControl))
        {
            return label;
        }
        var text = new StringBuilder(label.Length + 16);
        foreach (var c in label)
        {
            text.Append(IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : c);
        }
        return text.ToString();
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
