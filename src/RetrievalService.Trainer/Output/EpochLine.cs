using System.Globalization;
using RetrievalService.Training.Loop;

namespace RetrievalService.Trainer.Output;

/// <summary>The log line of an epoch: loss, throughput, validation mAP (and the trained weights' beside an average's) and the time split.</summary>
internal static class EpochLine
{
    public static string Format(EpochMetrics m)
    {
        var loss = m.Loss is { } value ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "—";
        var symmetric = m.Validation.Symmetric is { } s
            ? string.Create(CultureInfo.InvariantCulture, $", sym M/H {s.Medium:P1}/{s.Hard:P1}")
            : "";
        // With --ema the scores above are the average's; the trained weights' Medium beside them shows what averaging adds.
        var trained = m.TrainedWeightsValidation is { } t
            ? string.Create(CultureInfo.InvariantCulture, $" (trained weights: asym M {t.Asymmetric.Medium:P1})")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {m.Epoch}: loss {loss}, {m.ImagesPerSecond:0.00} img/s, val asym M/H {m.Validation.Asymmetric.Medium:P1}/{m.Validation.Asymmetric.Hard:P1}{symmetric}{trained}" +
            $" (train {m.TrainSeconds:0.0} s, mining {m.MiningSeconds:0.0} s, validation {m.ValidationSeconds:0.0} s){(m.Best ? " ★ best" : "")}");
    }
}
