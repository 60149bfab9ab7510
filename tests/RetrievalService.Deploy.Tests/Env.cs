using YamlDotNet.RepresentationModel;

namespace RetrievalService.Deploy.Tests;

/// <summary>One entry of a container's <c>env</c>: a literal value or a key of a secret.</summary>
internal sealed record Env(string Name, string? Value, string? SecretName, string? SecretKey)
{
    public static IReadOnlyList<Env> Of(YamlMappingNode container) =>
        Manifests.Items(container, "env").Select(e => new Env(
            Manifests.Text(e, "name") ?? "",
            Manifests.Text(e, "value"),
            Manifests.Text(e, "valueFrom", "secretKeyRef", "name"),
            Manifests.Text(e, "valueFrom", "secretKeyRef", "key"))).ToList();

    public static Env Named(IReadOnlyList<Env> env, string name) =>
        env.SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"No env {name}.");
}
