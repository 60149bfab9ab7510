using System.CommandLine;
using RetrievalService.Cli;
using RetrievalService.ModelTool.Commands;

// Progress and diagnostics go to stderr; stdout carries only results (paths of what was written).
ProgressConsole.UseStandardError();

var root = new RootCommand("Builds the project's teacher and student ONNX models and their manifests.")
{
    BuildTeacherCommand.Create(),
    FitAdapterCommand.Create(),
    BuildStudentCommand.Create(),
    BuildPrunedStudentCommand.Create(),
    QuantizeCommand.Create(),
    AverageCommand.Create(),
    HeldOutCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
