using System.Globalization;

namespace RetrievalService.DecodeBench;

/// <summary>
/// Command line: <c>&lt;mode&gt; [--images data/bench-images] [--pool data/sources/debs] [--photos 5]
/// [--repetitions 20] [--warmups 2] [--warmup-seconds 1] [--longer-side 224] [--libraries ImageSharp,SkiaSharp,NetVips]
/// [--cells jpeg/640x480,png/1152x864] [--markdown PATH]</c>; the internal <c>worker</c> mode also takes <c>--library</c> and <c>--folder</c>,
/// the <c>agreement</c> mode <c>--folders</c>, <c>--models</c> and <c>--every</c>.
/// </summary>
internal sealed record BenchSettings(
    string Mode, string Images, string Pool, int Photos, int Repetitions, int Warmups, double WarmupSeconds, int LongerSide,
    IReadOnlyList<string> Libraries, IReadOnlyList<string>? Cells, string? Markdown, string? Library, string? Folder, IReadOnlyList<string> Arguments)
{
    public static BenchSettings Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("Name a mode first: images, decoders or agreement.");
        }
        var settings = new BenchSettings(args[0], Path.Combine("data", "bench-images"), Path.Combine("data", "sources", "debs"),
            5, 20, 2, 1.0, 224, Decoders.ThumbnailDecoders.Names, null, null, null, null, args);
        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--images" => settings with { Images = value },
                "--pool" => settings with { Pool = value },
                "--photos" => settings with { Photos = Positive(args[i], value) },
                "--repetitions" => settings with { Repetitions = Positive(args[i], value) },
                "--warmups" => settings with { Warmups = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup-seconds" => settings with { WarmupSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--longer-side" => settings with { LongerSide = Positive(args[i], value) },
                "--libraries" => settings with { Libraries = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--cells" => settings with { Cells = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--markdown" => settings with { Markdown = value },
                "--library" => settings with { Library = value },
                "--folder" => settings with { Folder = value },
                // The agreement mode reads these itself (Commands/AgreementCommand.cs).
                "--folders" or "--models" or "--every" => settings,
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; use --images, --pool, --photos, --repetitions, --warmups, --warmup-seconds, --longer-side, --libraries, --cells, --markdown."),
            };
        }
        return settings;
    }

    private static int Positive(string name, string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{name} must be positive, got {value}.");
    }
}
