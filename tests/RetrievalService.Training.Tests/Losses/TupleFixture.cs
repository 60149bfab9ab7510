using static TorchSharp.torch;

namespace RetrievalService.Training.Tests.Losses;

/// <summary>
/// Two 2-D tuples with hand-computed distances (margin 0.7):
/// tuple 1: a = (0,0), p = (0.3,0.4) → d² = 0.25; negatives at d = 0.5 (inside), 1 (beyond), 0.7 (on the margin).
/// tuple 2: a = (1,0), p = a → d² = 0; negatives at d = 0.1 (inside), 2 (beyond), 0.4 (inside).
/// Teacher anchors: (0.6,0.8) at d² = 1 from tuple 1's anchor, and tuple 2's anchor itself.
/// </summary>
internal static class TupleFixture
{
    public static Tensor Anchors() => tensor(new double[] { 0, 0, 1, 0 }, [2, 2]);

    public static Tensor Positives() => tensor(new double[] { 0.3, 0.4, 1, 0 }, [2, 2]);

    public static Tensor Negatives() => tensor(new double[] { 0.5, 0, 1, 0, 0, 0.7, 1, 0.1, 3, 0, 1, -0.4 }, [2, 3, 2]);

    public static Tensor TeacherAnchors() => tensor(new double[] { 0.6, 0.8, 1, 0 }, [2, 2]);

    /// <summary>Tuple 1: ½·0.25 + ½·0.2² + 0 + 0 = 0.145; tuple 2: 0 + ½·0.6² + 0 + ½·0.3² = 0.225.</summary>
    public const double Contrastive = (0.145 + 0.225) / 2;

    /// <summary>Contrastive plus ½d(f(a),g(a))²: tuple 1 adds ½·1, tuple 2 adds 0.</summary>
    public const double ContrastivePlus = (0.645 + 0.225) / 2;

    /// <summary>Tuple 1: [0.25−0.25+0.7] + [0.25−1+0.7]₊ + [0.25−0.49+0.7] = 1.16; tuple 2: 0.69 + 0 + 0.54 = 1.23.</summary>
    public const double Triplet = (1.16 + 1.23) / 2;
}
