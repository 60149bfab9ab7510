using RetrievalService.Cli;
using RetrievalService.ModelTool.Commands;

// Progress and diagnostics go to stderr; stdout carries only results (paths of what was written).
ProgressConsole.UseStandardError();
return await ModelToolCommands.CreateRoot().Parse(args).InvokeAsync();
