using System.Diagnostics;
using RetrievalService.Training.Loop;
using RetrievalService.Training.Losses;
using RetrievalService.Training.OnnxBridge;
using RetrievalService.Training.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace RetrievalService.TrainBench;

/// <summary>
/// Times the trainer's step on fixed random data: the same runtime settings (<see cref="TorchRuntime"/>), the same
/// import (BN frozen), <c>train()</c>, the same Adam groups and rates (<see cref="StudentOptimizer"/>), the
/// regression loss, and a dispose scope per step. Data loading is left out so only torch work is compared.
/// </summary>
internal static class TrainStepBench
{
    public static (StepStatistics Statistics, ParameterCounts Parameters) Run(BenchSettings settings, int threads)
    {
        TorchRuntime.Configure(threads);
        torch.manual_seed(settings.Seed);
        using var student = OnnxModule.Load(settings.Model, new OnnxImportOptions { FreezeBatchNorm = true });
        using var optimizer = new StudentOptimizer(student, TrainerDefaults(settings, threads));
        optimizer.BeginEpoch(1);
        student.train();
        using var input = rand(settings.Batch, 3, settings.Size, settings.Size).mul_(255);
        using var direction = randn(settings.Batch, 512);
        using var target = nn.functional.normalize(direction, p: 2, dim: 1);
        var (stepMs, loss) = (new List<double>(settings.Iterations), double.NaN);
        for (var step = 0; step < settings.Warmup + settings.Iterations; step++)
        {
            var watch = Stopwatch.StartNew();
            loss = Step(student, optimizer, input, target);
            if (step >= settings.Warmup)
            {
                stepMs.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return (StepStatistics.From(threads, settings.Batch, stepMs, loss), ParameterCounts.Of(student));
    }

    /// <summary>The trainer's order (Trainer.Train, ImageObjective.Backward): zero, forward, loss, backward, read, update.</summary>
    private static double Step(OnnxModule student, StudentOptimizer optimizer, Tensor input, Tensor target)
    {
        optimizer.ZeroGrad();
        float value;
        using (var scope = NewDisposeScope())
        {
            var loss = RegressionLoss.Compute(student.forward(input), target);
            loss.backward();
            value = loss.item<float>();
        }
        if (!float.IsFinite(value))
        {
            throw new InvalidOperationException($"The loss is {value}; the benchmark's data or rates are broken.");
        }
        optimizer.Step();
        return value;
    }

    // The rates and decays are TrainingOptions' defaults, i.e. what a `trainer` run uses unless told otherwise;
    // the paths are never read here.
    private static TrainingOptions TrainerDefaults(BenchSettings settings, int threads) => new()
    {
        Dataset = "",
        InitManifest = settings.Model,
        TeacherManifest = "",
        OutputDirectory = "",
        ModelId = "train-bench",
        Threads = threads,
        Seed = settings.Seed,
    };
}
