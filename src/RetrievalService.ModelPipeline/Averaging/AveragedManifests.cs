using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RetrievalService.Embedding.Manifests;

namespace RetrievalService.ModelPipeline.Averaging;

/// <summary>
/// The manifest of a weight average of students: the shared input, output and teacher; provenance naming every
/// ingredient and the initialisation they were all fine-tuned from.
/// </summary>
public static partial class AveragedManifests
{
    /// <summary>Builds the manifest (file name and hash are filled in by <c>ModelArtifactWriter</c>).</summary>
    /// <param name="sources">The ingredients' manifests, in the order averaged.</param>
    /// <param name="id">The average's id.</param>
    /// <param name="gemP">The averaged GeM exponent, when the network has one (noted in the architecture).</param>
    /// <param name="command">The command line that made it.</param>
    /// <exception cref="InvalidDataException">
    /// An ingredient is not a student of a teacher, the teachers, inputs or outputs differ, or the ingredients share
    /// no initialisation (their weights would not correspond, whatever their graphs).
    /// </exception>
    public static ModelManifest From(IReadOnlyList<ModelManifest> sources, string id, double? gemP, string command)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var first = sources[0];
        foreach (var source in sources)
        {
            if (source.Role != ModelRole.Student || source.CompatibleWith is null)
            {
                throw new InvalidDataException($"'{source.Id}' is not a student trained into a teacher's space; only such students are averaged.");
            }
            if (source.CompatibleWith != first.CompatibleWith)
            {
                throw new InvalidDataException(
                    $"'{source.Id}' lives in the space of {source.CompatibleWith.TeacherId} ({Short(source.CompatibleWith.TeacherSha256)}), "
                    + $"'{first.Id}' in that of {first.CompatibleWith!.TeacherId} ({Short(first.CompatibleWith.TeacherSha256)}).");
            }
            if (Json(source.Input) != Json(first.Input) || source.Output != first.Output)
            {
                throw new InvalidDataException($"'{source.Id}' takes other inputs or gives other outputs than '{first.Id}'.");
            }
        }
        var ancestor = CommonAncestor(sources);
        var ingredients = string.Join(", ", sources.Select(s => $"{s.Id} (sha256 {s.Sha256})"));
        var architecture = TrainedNote().Replace(first.Architecture, "")
            + (gemP is { } p ? string.Create(CultureInfo.InvariantCulture, $" (trained, {sources.Count} students' weights averaged: GeM p={p:0.###})") : "");
        return new ModelManifest
        {
            Id = id,
            Version = "1.0.0",
            Role = ModelRole.Student,
            Architecture = architecture,
            OnnxFile = "",
            Sha256 = "",
            Input = first.Input,
            Output = first.Output,
            CompatibleWith = first.CompatibleWith,
            Provenance = new Provenance
            {
                Source = $"uniform average of the weights of {ingredients}, all fine-tuned from {ancestor}",
                Method = $"The weights of {sources.Count} students fine-tuned from one initialisation averaged uniformly "
                    + "(a model soup, Wortsman et al., ICML 2022); BatchNorm statistics and every other float initializer averaged alike. "
                    + string.Join(" ", sources.Select(s => $"{s.Id}: {s.Provenance.Method}")),
                Data = Distinct(sources.Select(s => s.Provenance.Data)),
                Loss = Distinct(sources.Select(s => s.Provenance.Loss)),
                Metrics = new Dictionary<string, double> { ["averagedModels"] = sources.Count },
                Command = command,
            },
        };
    }

    /// <summary>
    /// The latest model every ingredient was fine-tuned from, read from the "fine-tuned from ID (sha256 …)" chain the
    /// trainer writes into each manifest's source. An ingredient also counts as its own ancestor, so a model can be
    /// averaged with students fine-tuned from it.
    /// </summary>
    /// <exception cref="InvalidDataException">They share none.</exception>
    public static string CommonAncestor(IReadOnlyList<ModelManifest> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var chains = sources.Select(s => FineTunedFrom().Matches(s.Provenance.Source)
                .Select(match => (Id: match.Groups["id"].Value, Sha256: match.Groups["sha"].Value))
                .Append((s.Id, s.Sha256))
                .ToList())
            .ToList();
        var shared = chains[0].LastOrDefault(link => chains.All(chain => chain.Any(other => other.Sha256 == link.Sha256)));
        if (shared == default)
        {
            throw new InvalidDataException(
                $"{string.Join(", ", sources.Select(s => s.Id))} were not fine-tuned from one initialisation (no shared 'fine-tuned from' in their provenance), so their weights do not correspond.");
        }
        return $"{shared.Id} (sha256 {shared.Sha256})";
    }

    private static string? Distinct(IEnumerable<string?> values)
    {
        var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join(" | ", distinct);
    }

    private static string Json(InputConvention input) => JsonSerializer.Serialize(input);

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    [GeneratedRegex(@"fine-tuned from (?<id>\S+) \(sha256 (?<sha>[0-9a-f]{64})\)")]
    private static partial Regex FineTunedFrom();

    // Each ingredient notes its own trained GeM p; the average has one, noted afresh.
    [GeneratedRegex(@" \(trained[^)]*\)")]
    private static partial Regex TrainedNote();
}
