using System.Globalization;

namespace RetrievalService.Deploy.Tests;

/// <summary>Kubernetes memory quantities in MiB, for the binary suffixes these manifests use.</summary>
internal static class Quantity
{
    public static double MiB(string? quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity, "memory quantity");
        (string suffix, double factor)[] units = [("Ki", 1.0 / 1024), ("Mi", 1), ("Gi", 1024), ("Ti", 1024 * 1024)];
        foreach (var (suffix, factor) in units)
        {
            if (quantity.EndsWith(suffix, StringComparison.Ordinal))
            {
                return double.Parse(quantity[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }
        throw new FormatException($"Memory quantity {quantity} has no binary suffix (Ki, Mi, Gi, Ti).");
    }
}
