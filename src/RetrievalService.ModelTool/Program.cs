using System.CommandLine;
using RetrievalService.ModelTool.Commands;

var root = new RootCommand("Builds the project's teacher and student ONNX models and their manifests.")
{
    BuildTeacherCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
