using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace RetrievalService.Api.Telemetry;

/// <summary>
/// Escapes control characters (<c>\n</c>, <c>\r</c>, <c>\t</c>, others as <c>\uXXXX</c>) in every text property of a log
/// event. Request paths and problem details carry what a client sent, and the console writes text properties as they are:
/// a decoded <c>%0A</c> would otherwise start a forged log line, with no key needed.
/// </summary>
internal sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        // Collected first, replaced after: the properties cannot change while they are enumerated. Most events have none.
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Any(char.IsControl))
            {
                (escaped ??= []).Add(new LogEventProperty(name, new ScalarValue(Escape(text))));
            }
        }
        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
