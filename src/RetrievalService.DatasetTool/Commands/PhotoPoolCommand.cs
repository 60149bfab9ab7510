using System.CommandLine;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>photo-pool</c>: what the scripts need to know of the Debian photo pool, which only the C# code defines.</summary>
internal static class PhotoPoolCommand
{
    public static Command Create() =>
        new("photo-pool", "The Debian photo pool: its packages (for scripts/fetch-photos.sh) and the demo gallery (for scripts/run.sh).")
        {
            PhotoPoolPackagesCommand.Create(),
            DemoGalleryCommand.Create(),
        };
}
