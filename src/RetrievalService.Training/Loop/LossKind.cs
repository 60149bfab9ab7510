namespace RetrievalService.Training.Loop;

/// <summary>The training losses (the classes in <c>Losses/</c>; docs/method.md#losses).</summary>
public enum LossKind
{
    /// <summary>½‖f(x) − g(x)‖² on unlabelled images.</summary>
    Regression,

    /// <summary>Student anchor against teacher positive and mined negatives, margin hinge.</summary>
    AsymmetricContrastive,

    /// <summary>Asymmetric contrastive plus ½d(f(a), g(a))².</summary>
    ContrastivePlus,

    /// <summary>Σ [d(f(a),g(p))² − d(f(a),g(n))² + m]₊.</summary>
    AsymmetricTriplet,

    /// <summary>Contrastive with every image embedded by the student (teacher-free baseline).</summary>
    SymmetricContrastive,

    /// <summary>Relational distillation (distance + angle) on unlabelled images.</summary>
    Rkd,
}

/// <summary>CLI names and properties of <see cref="LossKind"/>.</summary>
public static class LossKinds
{
    private static readonly Dictionary<LossKind, string> Names = new()
    {
        [LossKind.Regression] = "regression",
        [LossKind.AsymmetricContrastive] = "asym-contrastive",
        [LossKind.ContrastivePlus] = "contr-plus",
        [LossKind.AsymmetricTriplet] = "asym-triplet",
        [LossKind.SymmetricContrastive] = "sym-contrastive",
        [LossKind.Rkd] = "rkd",
    };

    /// <summary>Every CLI name, in declaration order.</summary>
    public static IReadOnlyList<string> AllNames { get; } = [.. Names.Values];

    /// <summary>The CLI name, e.g. <c>asym-contrastive</c>.</summary>
    public static string Name(this LossKind kind) => Names[kind];

    /// <summary>The loss called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No loss has that name; the message lists the names.</exception>
    public static LossKind Parse(string name)
    {
        foreach (var (kind, candidate) in Names)
        {
            if (candidate == name)
            {
                return kind;
            }
        }
        throw new ArgumentException($"Unknown loss '{name}'; use one of {string.Join(", ", AllNames)}.", nameof(name));
    }

    /// <summary>Whether the loss trains on labelled tuples (anchor, positive, mined negatives) rather than single images.</summary>
    public static bool UsesTuples(this LossKind kind) => kind is not (LossKind.Regression or LossKind.Rkd);

    /// <summary>Whether the student embeds positives and negatives too (and the mining pool), not only the anchor.</summary>
    public static bool IsSymmetric(this LossKind kind) => kind == LossKind.SymmetricContrastive;

    /// <summary>
    /// Whether the loss pulls the student's vectors onto the teacher's, so its queries can search a teacher-embedded
    /// gallery. The symmetric baseline ignores the teacher and RKD matches only distances and angles (any rotation
    /// of the teacher's space scores the same), so neither student is compatible with the teacher.
    /// </summary>
    public static bool TrainsIntoTeacherSpace(this LossKind kind) => kind is not (LossKind.SymmetricContrastive or LossKind.Rkd);

    /// <summary>One line for the manifest's provenance.</summary>
    public static string Describe(this LossKind kind, double margin, int negatives) => kind switch
    {
        LossKind.Regression => "regression ½‖f(x) − g(x)‖² on the training split's unlabelled images",
        LossKind.Rkd => $"RKD distance (λ={Losses.RkdLoss.DistanceWeight}) + angle (λ={Losses.RkdLoss.AngleWeight}) on the training split's unlabelled images",
        LossKind.SymmetricContrastive => $"symmetric contrastive, margin {margin}, 1 positive + {negatives} negatives mined student→student",
        _ => $"{kind.Name()}, margin {margin}, 1 positive + {negatives} negatives mined student→teacher (at most one per instance)",
    };
}
