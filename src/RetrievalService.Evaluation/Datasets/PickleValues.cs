using System.Collections;
using System.Numerics;
using Razorvine.Pickle;

namespace RetrievalService.Evaluation.Datasets;

/// <summary>Converts unpickled Python values (Razorvine's Hashtable, ArrayList, object[], int, long, double) with entry-named errors.</summary>
internal static class PickleValues
{
    public static object? Unpickle(string file)
    {
        var bytes = File.ReadAllBytes(file);
        try
        {
            using var unpickler = new Unpickler();
            return unpickler.loads(bytes);
        }
        catch (Exception e) when (e is PickleException or InvalidOperationException or IOException or InvalidCastException)
        {
            throw new DatasetFormatException(file, "(root)",
                $"cannot unpickle: {e.Message}. Only plain Python lists, dicts, ints, floats and strings are supported (no numpy arrays).", e);
        }
    }

    public static object? Key(string file, IDictionary dict, string key, string entry) =>
        dict.Contains(key) ? dict[key] : throw new DatasetFormatException(file, entry, $"has no key '{key}'.");

    public static IList List(string file, string entry, object? value) => value switch
    {
        IList list when value is not string => list,
        _ => throw new DatasetFormatException(file, entry,
            $"is a {TypeName(value)}, not a list (numpy arrays are not supported; store Python lists)."),
    };

    public static IReadOnlyList<string> Strings(string file, string entry, object? value)
    {
        var list = List(file, entry, value);
        var result = new List<string>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(list[i] is string { Length: > 0 } s ? s
                : throw new DatasetFormatException(file, $"{entry}[{i}]", $"is a {TypeName(list[i])}, not a non-empty string."));
        }
        return result;
    }

    public static IReadOnlyList<int> Integers(string file, string entry, object? value)
    {
        var list = List(file, entry, value);
        var result = new int[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            result[i] = list[i] switch
            {
                int v => v,
                long v when v is >= int.MinValue and <= int.MaxValue => (int)v,
                BigInteger v when v >= int.MinValue && v <= int.MaxValue => (int)v,
                _ => throw new DatasetFormatException(file, $"{entry}[{i}]", $"is {Describe(list[i])}, not an integer index."),
            };
        }
        return result;
    }

    public static IReadOnlyList<double> Numbers(string file, string entry, object? value)
    {
        var list = List(file, entry, value);
        var result = new double[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            result[i] = list[i] switch
            {
                double v => v,
                float v => v,
                int v => v,
                long v => v,
                _ => throw new DatasetFormatException(file, $"{entry}[{i}]", $"is {Describe(list[i])}, not a number."),
            };
        }
        return result;
    }

    public static string TypeName(object? value) => value?.GetType().Name ?? "None";

    private static string Describe(object? value) => value is null ? "None" : $"{TypeName(value)} '{value}'";
}
