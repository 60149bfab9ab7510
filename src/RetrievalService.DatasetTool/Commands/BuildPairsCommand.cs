using System.CommandLine;
using RetrievalService.DataSources.Photos;
using RetrievalService.DatasetTool.Pairs;
using RetrievalService.DatasetTool.Sources;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>build pairs</c>: real image pairs (OpenCV, scikit-image, MRPT) against the photo pool as distractors.</summary>
internal static class BuildPairsCommand
{
    public const string Name = "pairs";

    public static Command Create()
    {
        var options = new CommonOptions();
        var command = options.Command(Name, "Real viewpoint/illumination pairs: one image queries its partner among the photo pool (test split only).");
        command.SetAction((parse, ct) =>
        {
            var context = options.Read(parse, Name);
            var pool = PhotoPool.Enumerate(context.DebsDir);
            var (images, skipped) = PoolImage.Identify(pool);
            var plan = PairsBuilder.Plan(images, PoolNames.Create(pool));
            var sources = DebianPackageVersions.Records(context.DebsDir, pool.Select(p => p.Package));
            var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["pairs"] = string.Join("; ", PairCatalog.Pairs.Select(p => $"{p.Name}: {p.Query} → {p.Positive} ({p.Change})")),
                ["distractors"] = $"every other readable pool photo with shorter side ≥ {PairsBuilder.MinSide} px",
                ["images"] = $"original bytes; longer side > {GalleryCopy.MaxLongerSide} px reduced (bicubic) and re-encoded",
                ["splits"] = "test only (too small to train on); the seed does not affect this set",
            };
            return Task.FromResult(BuildOutput.Write(context, [plan], sources, settings, skipped, ct));
        });
        return command;
    }
}
