using System.CommandLine;

namespace RetrievalService.ModelTool.Commands;

/// <summary>Options shared by several subcommands; defaults are relative to the current directory (the repository root).</summary>
internal static class CommonOptions
{
    public static Option<DirectoryInfo> ModelsDir() => new("--models")
    {
        Description = "Folder that receives the ONNX models and manifests.",
        DefaultValueFactory = _ => new DirectoryInfo("models"),
    };

    public static Option<DirectoryInfo> DataDir() => new("--data")
    {
        Description = "Folder for downloads and intermediate files (not committed).",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };
}
