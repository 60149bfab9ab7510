using YamlDotNet.RepresentationModel;

namespace RetrievalService.Deploy.Tests;

/// <summary>The documents of a rendered multi-document YAML stream, looked up by kind and name.</summary>
internal sealed class Manifests
{
    private readonly string _source;

    private Manifests(IReadOnlyList<YamlMappingNode> documents, string source)
    {
        Documents = documents;
        _source = source;
    }

    public IReadOnlyList<YamlMappingNode> Documents { get; }

    public static Manifests Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return new Manifests(stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList(), yaml);
    }

    public YamlMappingNode Single(string kind, string name)
    {
        var found = Documents.Where(d => Text(d, "kind") == kind && Text(d, "metadata", "name") == name).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"{found.Count} × {kind} {name} in the rendered manifests:\n{_source}");
    }

    /// <summary>The one <paramref name="kind"/> that kustomize generated from <paramref name="name"/> (a content hash appended).</summary>
    public YamlMappingNode Generated(string kind, string name)
    {
        var found = Documents.Where(d => Text(d, "kind") == kind && Text(d, "metadata", "name") is { } n
            && n.StartsWith(name + "-", StringComparison.Ordinal)).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"{found.Count} × {kind} generated from {name} in the rendered manifests:\n{_source}");
    }

    /// <summary>The node at a path of mapping keys, or null where one is missing.</summary>
    public static YamlNode? At(YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    public static string? Text(YamlNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    public static IReadOnlyList<YamlMappingNode> Items(YamlNode node, params string[] path) =>
        (At(node, path) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];

    /// <summary>The containers (init containers included) of a Deployment's or a Job's pod template.</summary>
    public static IEnumerable<YamlMappingNode> Containers(YamlMappingNode workload) =>
        Items(workload, "spec", "template", "spec", "initContainers")
            .Concat(Items(workload, "spec", "template", "spec", "containers"));

    public static YamlMappingNode Container(YamlMappingNode workload, string name) =>
        Containers(workload).Single(c => Text(c, "name") == name);
}
