using System.CommandLine;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>Options every <c>build</c> subcommand takes; paths are relative to the current directory (the repository root).</summary>
internal sealed class CommonOptions
{
    public Option<DirectoryInfo> Data { get; } = new("--data")
    {
        Description = "Folder with the downloaded sources (sources/debs from scripts/fetch-photos.sh; npm tarballs land in sources/).",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };

    public Option<DirectoryInfo?> Out { get; } = new("--out")
    {
        Description = "Dataset folder to write (default: <data>/datasets/<name>).",
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed for splits and views; the same seed rebuilds the same bytes.",
        DefaultValueFactory = _ => 1,
    };

    public Option<int> Workers { get; } = new("--workers")
    {
        Description = "Images rendered in parallel (does not change the output).",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>A <c>build &lt;name&gt;</c> command carrying these options, then <paramref name="own"/> in their order.</summary>
    public Command Command(string name, string description, params Option[] own)
    {
        var command = new Command(name, description) { Data, Out, Seed, Workers };
        foreach (var option in own)
        {
            command.Add(option);
        }
        return command;
    }

    /// <summary>The options' values for one invocation.</summary>
    public BuildContext Read(ParseResult parse, string name)
    {
        var data = parse.GetValue(Data)!.FullName;
        var output = parse.GetValue(Out)?.FullName ?? Path.Combine(data, "datasets", name);
        return new BuildContext(name, data, output, parse.GetValue(Seed), Math.Max(1, parse.GetValue(Workers)));
    }
}
