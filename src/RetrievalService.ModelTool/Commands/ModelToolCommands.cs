using System.CommandLine;

namespace RetrievalService.ModelTool.Commands;

/// <summary>The model tool's command tree, for running and for checking a command line written elsewhere (the Dockerfile).</summary>
public static class ModelToolCommands
{
    public static RootCommand CreateRoot() =>
        new("Builds the project's teacher and student ONNX models and their manifests.")
        {
            BuildTeacherCommand.Create(),
            FitAdapterCommand.Create(),
            BuildStudentCommand.Create(),
            BuildPrunedStudentCommand.Create(),
            QuantizeCommand.Create(),
            AverageCommand.Create(),
            HeldOutCommand.Create(),
        };
}
