using System.CommandLine;
using RetrievalService.Indexing;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>--shard i/N</c>, or the form a Kubernetes Indexed Job gives each pod: the index in <c>JOB_COMPLETION_INDEX</c>
/// and the count in <c>--shards N</c> or <c>INDEXER_SHARDS</c>. Without either count the whole input is indexed, also
/// when <c>JOB_COMPLETION_INDEX</c> is set. A bad value is a usage error, refused before anything is read.
/// </summary>
internal sealed class ShardOptions
{
    /// <summary>Set by Kubernetes in each pod of an Indexed Job: 0..completions − 1.</summary>
    public const string IndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The shard count when <c>--shards</c> is not given.</summary>
    public const string CountVariable = "INDEXER_SHARDS";

    private readonly Func<string, string?> environment;

    public ShardOptions(Func<string, string?>? environment = null)
    {
        this.environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = $"Index only shard i of N (i/N, 0 ≤ i < N ≤ {InputShard.MaxCount}): the items whose id hashes to i. Shards of one input are disjoint and cover it.",
    };

    public Option<string?> Shards { get; } = new("--shards")
    {
        Description = $"Shard count N when the index comes from {IndexVariable} (a Kubernetes Indexed Job); default: {CountVariable}.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Shard);
        command.Options.Add(Shards);
        command.Validators.Add(result =>
        {
            Resolve(result.GetValue(Shard), result.GetValue(Shards), out var problem);
            if (problem is not null)
            {
                result.AddError(problem);
            }
        });
    }

    /// <summary>The shard <paramref name="parse"/> asks for; null for the whole input. The validator has refused bad values.</summary>
    public InputShard? Selected(ParseResult parse) => Resolve(parse.GetValue(Shard), parse.GetValue(Shards), out _);

    private InputShard? Resolve(string? shard, string? shards, out string? problem)
    {
        if (shard is not null)
        {
            problem = shards is null ? null : "Give either --shard i/N or --shards N (with the index in JOB_COMPLETION_INDEX), not both.";
            return problem is null ? Parsed(InputShard.Parse(shard, out var bad), "--shard", bad, out problem) : null;
        }
        var (countText, countFrom) = shards is null ? (environment(CountVariable), CountVariable) : (shards, "--shards");
        if (string.IsNullOrEmpty(countText))
        {
            problem = null;
            return null;
        }
        if (!InputShard.TryParseNumber(countText, out var count))
        {
            problem = $"{countFrom} must be a shard count 1..{InputShard.MaxCount}, not '{countText}'.";
            return null;
        }
        var indexText = environment(IndexVariable);
        if (string.IsNullOrEmpty(indexText))
        {
            problem = $"{countFrom} {count} needs the shard index in {IndexVariable} (set in each pod of a Kubernetes Indexed Job); elsewhere give --shard i/N.";
            return null;
        }
        if (!InputShard.TryParseNumber(indexText, out var index))
        {
            problem = $"{IndexVariable} must be a shard index 0..{count - 1}, not '{indexText}'.";
            return null;
        }
        return Parsed(InputShard.Create(index, count, out var invalid), $"{IndexVariable}={index} with {countFrom} {count}", invalid, out problem);
    }

    private static InputShard? Parsed(InputShard? shard, string from, string? invalid, out string? problem)
    {
        problem = invalid is null ? null : $"{from}: {invalid}";
        return shard;
    }
}
