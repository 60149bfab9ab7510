using System.CommandLine;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>build &lt;name&gt;</c>: one subcommand per benchmark dataset.</summary>
internal static class BuildCommand
{
    public static Command Create() => new("build", "Build a benchmark dataset (train/val/test split folders with gnd.json, and build.json).")
    {
        BuildEmoji4Command.Create(),
        BuildPhotoViewsCommand.Create(),
        BuildPhotoViewsFolderCommand.Create(),
        BuildPairsCommand.Create(),
        BuildRealShotsCommand.Create(),
    };
}
