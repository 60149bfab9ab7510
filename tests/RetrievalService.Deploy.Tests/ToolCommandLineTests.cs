using System.CommandLine;
using System.Text.RegularExpressions;
using RetrievalService.Indexer;
using RetrievalService.ModelTool.Commands;
using YamlDotNet.RepresentationModel;
using static RetrievalService.Deploy.Tests.Manifests;

namespace RetrievalService.Deploy.Tests;

/// <summary>
/// Every command line the packaging writes for the project's own tools parses with those tools: an image, a Job or a
/// compose service that passes an option a tool does not have fails only when someone builds or runs it.
/// </summary>
public sealed partial class ToolCommandLineTests(RenderedDeployment rendered) : IClassFixture<RenderedDeployment>
{
    [Fact]
    public void The_model_tool_commands_the_Dockerfile_runs_parse()
    {
        var commands = ModelToolCommandsIn(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile")));

        Assert.NotEmpty(commands);
        Assert.All(commands, args => AssertParses(ModelToolCommands.CreateRoot(), args));
    }

    [Fact]
    public void The_indexer_command_of_the_Kubernetes_Job_parses()
    {
        var command = Container(rendered.Manifests.Single("Job", "retrieval-indexer"), "indexer");
        var words = ((YamlSequenceNode)At(command, "command")!).Children.Select(n => ((YamlScalarNode)n).Value!).ToArray();

        AssertParses(IndexerApp.CreateRoot(new Dictionary<string, string?>()), words[1..]);
    }

    [Fact]
    public void The_indexer_command_of_the_compose_file_parses()
    {
        var compose = new YamlStream();
        compose.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"))));
        var command = (YamlSequenceNode)At(compose.Documents[0].RootNode, "services", "indexer", "command")!;

        AssertParses(IndexerApp.CreateRoot(new Dictionary<string, string?>()), [.. command.Children.Select(n => ((YamlScalarNode)n).Value!)]);
    }

    // The words after "model-tool.dll" up to the end of the shell command (a redirection, &&, ;, | or the line's end),
    // line continuations joined first.
    private static List<string[]> ModelToolCommandsIn(string dockerfile) =>
        [.. ModelToolInvocation().Matches(dockerfile.Replace("\\\n", " ", StringComparison.Ordinal))
            .Select(m => m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    private static void AssertParses(RootCommand root, string[] args)
    {
        var errors = root.Parse(args).Errors;
        Assert.True(errors.Count == 0, $"'{string.Join(' ', args)}': {string.Join("; ", errors.Select(e => e.Message))}");
    }

    [GeneratedRegex(@"model-tool\.dll(?<args>[^>&;|\n]*)")]
    private static partial Regex ModelToolInvocation();
}
