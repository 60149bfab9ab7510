using System.CommandLine;
using RetrievalService.DatasetTool.Emoji;
using RetrievalService.DatasetTool.Output;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>build emoji4</c>: the same emoji drawn by Apple, Facebook, Google and Twitter.</summary>
internal static class BuildEmoji4Command
{
    public const string Name = "emoji4";

    public static Command Create()
    {
        var options = new CommonOptions();
        var command = options.Command(Name, "Cross-style instance set: one vendor's emoji drawing queries the other three vendors' drawings.");
        command.SetAction(async (parse, ct) =>
        {
            var context = options.Read(parse, Name);
            var packages = await EmojiSources.FetchAsync(context.SourcesDir, ct);
            var vendors = packages.Select(p => p.Vendor).ToList();
            var packageOf = packages.ToDictionary(p => p.Vendor, p => p.PackageDir, StringComparer.Ordinal);
            // The vendor packages ship the same emoji.json; the first one's is the catalogue.
            var images = EmojiCatalog.DrawnByAll(Path.Combine(packages[0].PackageDir, "emoji.json"), vendors);
            string Source(string vendor, string image) => EmojiSources.ImagePath(packageOf[vendor], vendor, image);
            var missing = images.SelectMany(i => vendors.Select(v => Source(v, i))).Where(f => !File.Exists(f)).ToList();
            if (missing.Count > 0)
            {
                throw new FileNotFoundException($"{missing.Count} drawings flagged in emoji.json are missing, e.g. {missing[0]}.");
            }
            var plans = Emoji4Builder.Plan(images, vendors, context.Seed, Source);
            var sources = EmojiSources.Vendors.Select(v => new SourceRecord("npm", v.Package.Name, v.Package.Version, v.Package.Integrity)).ToList();
            var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["images"] = "img/<vendor>/64/<image>.png, original RGBA PNG bytes (decoders composite onto the manifest background)",
                ["instances"] = "top-level emoji.json entries drawn by all four vendors; skin-tone variants excluded",
                ["queries"] = "one per instance; vendor = vendors[i mod 4] for the split's i-th instance in ordinal order",
                ["splitFractions"] = string.Join(", ", Emoji4Builder.Fractions.Select(f => $"{f.Split} {f.Fraction}")),
            };
            return BuildOutput.Write(context, plans, sources, settings, [], ct);
        });
        return command;
    }
}
