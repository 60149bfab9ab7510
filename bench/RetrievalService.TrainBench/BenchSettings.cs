using System.Globalization;

namespace RetrievalService.TrainBench;

/// <summary>
/// Command line: <c>[--model PATH] [--batch 8] [--size 224] [--threads 1,2] [--warmup 3] [--iterations 20]
/// [--seed 0] [--json PATH]</c>. The same options as <c>bench/train-step/pytorch_mnv2.py</c>.
/// </summary>
internal sealed record BenchSettings(string Model, int Batch, int Size, int[] Threads, int Warmup, int Iterations, int Seed, string? Json)
{
    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings("models/student-mnv2-convhead-init.onnx", 8, 224, [1, 2], 3, 20, 0, null);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--model" => settings with { Model = value },
                "--batch" => settings with { Batch = Positive(args[i], value) },
                "--size" => settings with { Size = Positive(args[i], value) },
                "--threads" => settings with { Threads = [.. value.Split(',').Select(v => Positive(args[i], v))] },
                "--warmup" => settings with { Warmup = int.Parse(value, CultureInfo.InvariantCulture) },
                "--iterations" => settings with { Iterations = Positive(args[i], value) },
                "--seed" => settings with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--json" => settings with { Json = value },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; use --model, --batch, --size, --threads, --warmup, --iterations, --seed, --json."),
            };
        }
        return settings;
    }

    private static int Positive(string option, string value)
    {
        var number = int.Parse(value, CultureInfo.InvariantCulture);
        return number > 0 ? number : throw new ArgumentException($"{option} must be positive; got {value}.");
    }
}
