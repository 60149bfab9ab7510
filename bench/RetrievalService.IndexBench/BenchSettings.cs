using System.Globalization;

namespace RetrievalService.IndexBench;

/// <summary>Command line: <c>[--limit N] [--threads 1,2] [--embed-batch 8] [--write-batch 64]</c>.</summary>
internal sealed record BenchSettings(int Limit, int[] Threads, int EmbedBatch, int WriteBatch)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(200, [1, 2], 8, 64);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--limit" => settings with { Limit = int.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => settings with { Threads = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--embed-batch" => settings with { EmbedBatch = int.Parse(value, CultureInfo.InvariantCulture) },
                "--write-batch" => settings with { WriteBatch = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --limit, --threads, --embed-batch, --write-batch."),
            };
        }
        return settings;
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run -c Release --project bench/RetrievalService.IndexBench -- --limit {Limit} --threads {string.Join(',', Threads)} --embed-batch {EmbedBatch} --write-batch {WriteBatch}");
}
