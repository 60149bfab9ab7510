using System.Globalization;

namespace RetrievalService.ScaleBench;

/// <summary>Command-line settings of every subcommand: <c>--name value</c> pairs, all optional, each with its default.</summary>
internal sealed class ScaleSettings
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static ScaleSettings Parse(IEnumerable<string> args)
    {
        var settings = new ScaleSettings();
        var list = args.ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs; got '{list[i]}'.");
            }
            var name = list[i][2..];
            if (!settings._values.TryGetValue(name, out var values))
            {
                settings._values[name] = values = [];
            }
            values.Add(list[++i]);
        }
        return settings;
    }

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) ? v[^1] : fallback;

    /// <summary>Every value of an option that may be repeated (<c>--node primary=123 --node standby=456</c>).</summary>
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];

    public int Int(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public int[] Ints(string name, string fallback) =>
        Text(name, fallback).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
