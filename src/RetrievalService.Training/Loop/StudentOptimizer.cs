using RetrievalService.Training.OnnxBridge;
using TorchSharp.Modules;

namespace RetrievalService.Training.Loop;

/// <summary>
/// Adam over the student's parameter groups as the method schedules them (docs/method.md#reference-schedule): backbone at the base rate, the
/// untrained head at its own rate, GeM p at 10× the base rate without weight decay; every rate decays by
/// e^(−decay) per epoch. Rates are set from the epoch number, so a resumed run continues the same schedule.
/// </summary>
public sealed class StudentOptimizer : IDisposable
{
    private readonly Adam adam;
    private readonly List<(string Name, Adam.ParamGroup Group, double BaseRate)> groups = [];
    private readonly double decay;

    /// <summary>Groups the trainable parameters of <paramref name="student"/> per <paramref name="options"/>.</summary>
    public StudentOptimizer(OnnxModule student, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(options);
        var parts = student.ParameterGroups();
        Add("backbone", parts.Backbone, options.LearningRate, options.WeightDecay);
        Add("head", parts.Head, options.HeadLearningRate, options.WeightDecay);
        Add("gem", parts.GemExponents, options.LearningRate * options.GemLearningRateFactor, 0);
        if (groups.Count == 0)
        {
            throw new InvalidOperationException("The student has no trainable parameters.");
        }
        decay = options.LearningRateDecay;
        // The class's own defaults (β₂ = 0.999, as PyTorch); torch.optim.Adam's factory would pass 0.99.
        adam = new Adam(groups.Select(g => g.Group), options.LearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8);
    }

    /// <summary>Current rate per group (backbone, head, gem).</summary>
    public IReadOnlyDictionary<string, double> Rates => groups.ToDictionary(g => g.Name, g => g.Group.LearningRate);

    /// <summary>Sets the rates of 1-based <paramref name="epoch"/>: base · e^(−decay·(epoch − 1)).</summary>
    public void BeginEpoch(int epoch)
    {
        var factor = Math.Exp(-decay * (epoch - 1));
        foreach (var (_, group, baseRate) in groups)
        {
            group.LearningRate = baseRate * factor;
        }
    }

    /// <summary>Zeroes the accumulated gradients.</summary>
    public void ZeroGrad() => adam.zero_grad();

    /// <summary>One Adam update from the accumulated gradients.</summary>
    public void Step() => adam.step();

    /// <summary>Writes Adam's moments and step counts.</summary>
    public void Save(string path) => adam.save_state_dict(path);

    /// <summary>Restores what <see cref="Save"/> wrote (same student, same groups).</summary>
    public void Load(string path) => adam.load_state_dict(path);

    /// <inheritdoc />
    public void Dispose() => adam.Dispose();

    private void Add(string name, IReadOnlyList<Parameter> parameters, double rate, double weightDecay)
    {
        if (parameters.Count > 0)
        {
            groups.Add((name, new Adam.ParamGroup(parameters, lr: rate, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: weightDecay), rate));
        }
    }
}
