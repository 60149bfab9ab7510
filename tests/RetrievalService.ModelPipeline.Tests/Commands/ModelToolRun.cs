using System.CommandLine;
using RetrievalService.ModelTool.Commands;

namespace RetrievalService.ModelPipeline.Tests.Commands;

/// <summary>Runs a model-tool command line in-process, as <c>Program.cs</c> does, in a temporary folder removed afterwards.</summary>
internal sealed class ModelToolRun : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "model-tool-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public string Combine(params string[] parts) => Path.Combine([Folder, .. parts]);

    public static Task<int> InvokeAsync(params string[] args) => ModelToolCommands.CreateRoot().Parse(args).InvokeAsync();

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
