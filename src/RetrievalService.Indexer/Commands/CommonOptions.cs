using System.CommandLine;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Indexer.Commands;

/// <summary>Options every subcommand takes; they become configuration entries, so appsettings and environment apply too.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Models { get; } = new("--models")
    {
        Description = "Folder of the models' manifests and ONNX files (default: Models:Directory, models).",
    };

    public Option<string?> Teacher { get; } = new("--teacher")
    {
        Description = "Teacher model id, as the API names it (default: Models:Teacher, teacher-resnet18-gem).",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log at Information level (stderr)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Models);
        command.Options.Add(Teacher);
        command.Options.Add(Verbose);
    }

    /// <summary><paramref name="baseline"/> plus the entries these options set on <paramref name="parse"/>.</summary>
    public Dictionary<string, string?> Configuration(ParseResult parse, IReadOnlyDictionary<string, string?> baseline)
    {
        var entries = new Dictionary<string, string?>(baseline);
        if (parse.GetValue(Models) is { } models)
        {
            entries[$"{ModelsOptions.SectionName}:{nameof(ModelsOptions.Directory)}"] = Path.GetFullPath(models);
        }
        if (parse.GetValue(Teacher) is { } teacher)
        {
            entries[$"{ModelsOptions.SectionName}:{nameof(ModelsOptions.Teacher)}"] = teacher;
        }
        return entries;
    }
}
