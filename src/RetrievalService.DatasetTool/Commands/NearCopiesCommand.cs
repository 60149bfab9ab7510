using System.CommandLine;
using RetrievalService.DatasetTool.Distractors;
using Spectre.Console;

namespace RetrievalService.DatasetTool.Commands;

/// <summary><c>near-copies</c>: candidate images that are copies of reference images, by difference hash.</summary>
internal static class NearCopiesCommand
{
    public static Command Create()
    {
        var images = new Option<DirectoryInfo[]>("--images") { Description = "Folder of candidate images (searched recursively); repeat for several.", Required = true };
        var against = new Option<DirectoryInfo[]>("--against") { Description = "Folder of reference images, e.g. a test split's sources; repeat for several.", Required = true };
        var maxDistance = new Option<int>("--max-distance")
        {
            Description = "Pairs at most this many of the 256 hash bits apart count as copies (resized or re-encoded copies: under 10; unrelated photos: about 128).",
            DefaultValueFactory = _ => 12,
        };
        var show = new Option<int>("--show") { Description = "Closest pairs listed on stderr, copies or not.", DefaultValueFactory = _ => 5 };
        var workers = new Option<int>("--workers") { Description = "Images decoded in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("near-copies",
            "Exit 1 and list the pairs when any candidate image is a near copy of a reference image (a leak check for unlabelled training pools).")
        {
            images, against, maxDistance, show, workers,
        };
        command.SetAction((parse, _) =>
        {
            var candidates = NearCopies.ImagesIn(parse.GetValue(images)!.Select(d => d.FullName));
            var references = NearCopies.ImagesIn(parse.GetValue(against)!.Select(d => d.FullName));
            var limit = parse.GetValue(maxDistance);
            var unreadable = new List<string>();
            var pairs = NearCopies.Closest(candidates, references, unreadable, parse.GetValue(workers));
            foreach (var reason in unreadable)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]not read: {reason}[/]");
            }
            foreach (var pair in pairs.Take(parse.GetValue(show)))
            {
                Console.Error.WriteLine($"{pair.Distance,3} bits: {pair.Candidate} ↔ {pair.Reference}");
            }
            var copies = pairs.Where(p => p.Distance <= limit).ToList();
            foreach (var copy in copies)
            {
                Console.WriteLine($"{copy.Distance}\t{copy.Candidate}\t{copy.Reference}");
            }
            AnsiConsole.MarkupLineInterpolated(
                $"[grey]{candidates.Count} candidates against {references.Count} references: {copies.Count} near copies (≤ {limit} bits)[/]");
            return Task.FromResult(copies.Count == 0 ? 0 : 1);
        });
        return command;
    }
}
