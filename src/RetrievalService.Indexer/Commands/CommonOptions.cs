using System.CommandLine;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Commands;

/// <summary>Options every subcommand takes; they become configuration entries, so appsettings and environment apply too.</summary>
internal sealed class CommonOptions
{
    public Option<string?> TeacherManifest { get; } = new("--teacher-manifest")
    {
        Description = "Teacher model manifest (default: Indexing:TeacherManifest, else models/teacher-resnet18-gem.manifest.json).",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log at Information level (stderr)." };

    public void AddTo(Command command)
    {
        command.Options.Add(TeacherManifest);
        command.Options.Add(Verbose);
    }

    /// <summary><paramref name="baseline"/> plus the entries these options set on <paramref name="parse"/>.</summary>
    public Dictionary<string, string?> Configuration(ParseResult parse, IReadOnlyDictionary<string, string?> baseline)
    {
        var entries = new Dictionary<string, string?>(baseline);
        if (parse.GetValue(TeacherManifest) is { } manifest)
        {
            entries[$"{IndexingOptions.SectionName}:{nameof(IndexingOptions.TeacherManifest)}"] = Path.GetFullPath(manifest);
        }
        return entries;
    }
}
