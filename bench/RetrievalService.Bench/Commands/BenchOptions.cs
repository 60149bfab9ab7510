using System.CommandLine;

namespace RetrievalService.Bench.Commands;

/// <summary>Options shared by the subcommands.</summary>
internal static class BenchOptions
{
    public static Option<DirectoryInfo> ModelsDir() => new("--models")
    {
        Description = "Folder holding the *.manifest.json files and their ONNX models (default: models/ of the repository).",
        DefaultValueFactory = _ => new DirectoryInfo(ModelCatalog.DefaultModelsDir()),
    };

    public static Option<FileInfo?> Json() => new("--json")
    {
        Description = "Also write the results as JSON to this file.",
    };

    public static Option<string[]> Only(string verb) => new("--only")
    {
        Description = $"{verb} only these model ids (default: every manifest).",
        AllowMultipleArgumentsPerToken = true,
    };
}
