using System.CommandLine;
using RetrievalService.DataSources.Photos;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>photo-pool packages</c>: the pool's Debian package names, one per line, for <c>scripts/fetch-photos.sh</c>.</summary>
internal static class PhotoPoolPackagesCommand
{
    public static Command Create()
    {
        var command = new Command("packages", "Print the Debian packages of the photo pool, one per line.");
        command.SetAction(_ =>
        {
            foreach (var package in PhotoPool.Packages)
            {
                Console.WriteLine(package);
            }
            return 0;
        });
        return command;
    }
}
