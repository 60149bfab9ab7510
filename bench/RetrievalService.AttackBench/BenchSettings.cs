using System.Globalization;

namespace RetrievalService.AttackBench;

/// <summary>Command-line options; every one has a default that suits a small (2-core) machine.</summary>
internal sealed record BenchSettings
{
    public const string Usage = """
        attack-bench --url http://127.0.0.1:5099 [options]
          --api-key <key>              sent as 'Authorization: Bearer <key>' (default: env RETRIEVAL_API_KEY; none when unset)
          --query <image>              the normal clients' photo (default: opencv-doc's graf1.png from the photo pool)
          --index-folder <dir>         first POST /index the first --index-count images of this folder (default: no indexing)
          --index-count 40
          --scenarios slow,overload    which scenarios to run (also: memory, the per-request peak at the image limits)
          --memory-image <name>        the memory scenario's image: png-16mp, jpeg-256mp or jpeg-12mp (default: all three, in one process)
          --normal-concurrency 1       normal clients searching back to back, with and without the attack
          --baseline-seconds 30        unattacked normal searches
          --attackers 50               hostile connections: half stall, half trickle
          --attack-seconds 60          normal searches while the attack runs (after --attack-ramp-seconds 5)
          --stall-declared-bytes 5242880  Content-Length a stalling attacker announces
          --stall-sent-bytes 51200     what it sends of that before going quiet
          --trickle-bytes-per-second 4
          --overload-clients 64
          --overload-seconds 60
          --pid <pid>                  the API process, for RSS (default: whoever listens on --url's port, when local)
          --json <file>                full results as JSON (Markdown goes to stdout, progress to stderr)
        """;

    public required Uri Url { get; init; }
    public string? ApiKey { get; init; }
    public required string QueryPath { get; init; }
    public string? IndexFolder { get; init; }
    public int IndexCount { get; init; } = 40;
    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string> { "slow", "overload" };
    public int NormalConcurrency { get; init; } = 1;
    public double BaselineSeconds { get; init; } = 30;
    public int Attackers { get; init; } = 50;
    public double AttackSeconds { get; init; } = 60;
    public double AttackRampSeconds { get; init; } = 5;
    public long StallDeclaredBytes { get; init; } = 5 * 1024 * 1024;
    public int StallSentBytes { get; init; } = 50 * 1024;
    public int TrickleBytesPerSecond { get; init; } = 4;
    public int OverloadClients { get; init; } = 64;
    public double OverloadSeconds { get; init; } = 60;
    public string? MemoryImage { get; init; }
    public int? Pid { get; init; }
    public string? JsonPath { get; init; }

    public static BenchSettings Parse(string[] args, string repoRoot)
    {
        var invariant = CultureInfo.InvariantCulture;
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        double Number(string name, double fallback) => Option(name) is { } v ? double.Parse(v, invariant) : fallback;
        int Whole(string name, int fallback) => Option(name) is { } v ? int.Parse(v, invariant) : fallback;

        var url = Option("--url") ?? throw new ArgumentException("--url is required.\n" + Usage);
        var key = Option("--api-key") ?? Environment.GetEnvironmentVariable("RETRIEVAL_API_KEY");
        return new BenchSettings
        {
            Url = new Uri(url),
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
            // Relative paths are the repository's, so the defaults work from any folder inside it.
            QueryPath = Path.GetFullPath(Option("--query") ?? DefaultQuery, repoRoot),
            IndexFolder = Option("--index-folder") is { } folder ? Path.GetFullPath(folder, repoRoot) : null,
            IndexCount = Whole("--index-count", 40),
            Scenarios = (Option("--scenarios") ?? "slow,overload").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            NormalConcurrency = Whole("--normal-concurrency", 1),
            BaselineSeconds = Number("--baseline-seconds", 30),
            Attackers = Whole("--attackers", 50),
            AttackSeconds = Number("--attack-seconds", 60),
            AttackRampSeconds = Number("--attack-ramp-seconds", 5),
            StallDeclaredBytes = (long)Number("--stall-declared-bytes", 5 * 1024 * 1024),
            StallSentBytes = Whole("--stall-sent-bytes", 50 * 1024),
            TrickleBytesPerSecond = Whole("--trickle-bytes-per-second", 4),
            OverloadClients = Whole("--overload-clients", 64),
            OverloadSeconds = Number("--overload-seconds", 60),
            MemoryImage = Option("--memory-image"),
            Pid = Option("--pid") is { } pid ? int.Parse(pid, invariant) : null,
            JsonPath = Option("--json") is { } json ? Path.GetFullPath(json) : null,
        };
    }

    // The example query of scripts/run.sh and search-bench: a real photograph of a graffiti wall.
    private const string DefaultQuery = "data/sources/debs/opencv-doc/usr/share/doc/opencv-doc/examples/data/graf1.png";
}
