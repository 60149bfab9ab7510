using System.Text.RegularExpressions;

namespace RetrievalService.Deploy.Tests;

/// <summary>Checks of the Npgsql connection strings that a container builds from CloudNativePG's app secret.</summary>
internal static partial class ConnectionStrings
{
    public const string ClusterSecret = "retrieval-db-app";

    /// <summary>
    /// The variable holds a connection string to <paramref name="host"/> whose user and password are <c>$(VAR)</c>
    /// references to the cluster secret's keys, each defined earlier in the list: Kubernetes expands only those
    /// (https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/).
    /// </summary>
    public static void AssertBuiltFromClusterSecret(IReadOnlyList<Env> env, string variable, string host)
    {
        var index = env.ToList().FindIndex(e => e.Name == variable);
        Assert.True(index >= 0, $"No env {variable}.");
        var value = env[index].Value ?? "";
        Assert.Contains($"Host={host};", value, StringComparison.Ordinal);
        var earlier = env.Take(index).ToDictionary(e => e.Name);
        foreach (Match reference in Reference().Matches(value))
        {
            Assert.True(earlier.ContainsKey(reference.Groups[1].Value), $"{variable} uses {reference.Value} before it is defined.");
        }
        Assert.Contains($"Username=$({FromSecret(earlier.Values, "username")})", value, StringComparison.Ordinal);
        Assert.Contains($"Password=$({FromSecret(earlier.Values, "password")})", value, StringComparison.Ordinal);
    }

    private static string FromSecret(IEnumerable<Env> env, string key) =>
        env.SingleOrDefault(e => e.SecretName == ClusterSecret && e.SecretKey == key)?.Name
        ?? throw new InvalidOperationException($"No env from {ClusterSecret}/{key}.");

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
