using System.Globalization;
using RetrievalService.Training.OnnxBridge;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RetrievalService.Training.Loop;

/// <summary>
/// An exponential moving average of the student's trainable weights (Polyak averaging), updated after every
/// optimizer step: average ← d·average + (1 − d)·weights. With batches of five the weights after any one step
/// carry that step's noise; their average over the last ~1/(1 − d) steps does not, and is what gets validated,
/// selected and exported. The decay warms up as min(d, (1 + n)/(10 + n)) after n updates (TensorFlow's
/// <c>ExponentialMovingAverage</c>), so the first steps are not drowned by the initial weights.
/// The training itself never sees the average: a run with it follows the same weights as one without.
/// </summary>
public sealed class WeightAverage : IDisposable
{
    private readonly OnnxModule student;
    private readonly Parameter[] live;
    private readonly Tensor[] average;
    private readonly Tensor[] parked;

    /// <summary>Starts the average at <paramref name="student"/>'s current weights.</summary>
    public WeightAverage(OnnxModule student, double decay)
    {
        ArgumentNullException.ThrowIfNull(student);
        if (decay is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "The decay must lie in (0, 1).");
        }
        (this.student, Decay) = (student, decay);
        live = [.. student.parameters().Where(p => p.requires_grad)];
        using (no_grad())
        {
            average = [.. live.Select(p => p.detach().clone())];
            parked = [.. live.Select(p => empty_like(p))];
        }
    }

    /// <summary>The decay d once warmed up.</summary>
    public double Decay { get; }

    /// <summary>Updates so far (restored on resume, since the warm-up depends on it).</summary>
    public long Updates { get; private set; }

    /// <summary>One line for manifests and logs.</summary>
    public static string Describe(double decay) => string.Create(CultureInfo.InvariantCulture,
        $"weights averaged (exponential moving average, decay {decay:0.#####} per step)");

    /// <summary>Folds the student's current weights into the average; call after every optimizer step.</summary>
    public void Update()
    {
        Updates++;
        var decay = Math.Min(Decay, (1.0 + Updates) / (10.0 + Updates));
        using var _ = no_grad();
        for (var i = 0; i < live.Length; i++)
        {
            average[i].mul_(decay).add_(live[i], alpha: 1 - decay);
        }
    }

    /// <summary>
    /// Puts the average into the student until the returned scope is disposed, then puts the trained weights
    /// back exactly: for validation, saving and export.
    /// </summary>
    public IDisposable Apply()
    {
        using (no_grad())
        {
            for (var i = 0; i < live.Length; i++)
            {
                parked[i].copy_(live[i]);
                live[i].copy_(average[i]);
            }
        }
        return new Restore(this);
    }

    /// <summary>Writes the average as a student state dict (the format of <see cref="OnnxModule"/>'s own save).</summary>
    public void Save(string path)
    {
        using (Apply())
        {
            student.save(path);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote as the average after <paramref name="updates"/> updates; the student's weights are kept.</summary>
    public void Load(string path, long updates)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(updates);
        using (no_grad())
        {
            for (var i = 0; i < live.Length; i++)
            {
                parked[i].copy_(live[i]);
            }
            student.load(path);
            for (var i = 0; i < live.Length; i++)
            {
                average[i].copy_(live[i]);
                live[i].copy_(parked[i]);
            }
        }
        Updates = updates;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in average.Concat(parked))
        {
            tensor.Dispose();
        }
    }

    private sealed class Restore(WeightAverage owner) : IDisposable
    {
        private bool restored;

        public void Dispose()
        {
            if (restored)
            {
                return;
            }
            restored = true;
            using var _ = no_grad();
            for (var i = 0; i < owner.live.Length; i++)
            {
                owner.live[i].copy_(owner.parked[i]);
            }
        }
    }
}
