namespace RetrievalService.Embedding.Manifests;

/// <summary>
/// Describes one ONNX embedding model: what it expects, what it produces, and, for a student,
/// which teacher's embedding space it lives in. One manifest sits next to each model under <c>models/</c>.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>Stable identifier, e.g. <c>teacher-resnet18-gem</c>; stored with every gallery vector.</summary>
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required ModelRole Role { get; init; }

    /// <summary>Human-readable network description (backbone, pooling, head).</summary>
    public required string Architecture { get; init; }

    /// <summary>ONNX file name, relative to the manifest's folder.</summary>
    public required string OnnxFile { get; init; }

    /// <summary>Lower-case hex SHA-256 of the ONNX file.</summary>
    public required string Sha256 { get; init; }

    public required InputConvention Input { get; init; }

    public required OutputSpec Output { get; init; }

    /// <summary>For a student: the teacher whose embedding space its vectors live in.</summary>
    public TeacherReference? CompatibleWith { get; init; }

    /// <summary>Where the weights come from and how they were obtained (data, loss, metrics).</summary>
    public required Provenance Provenance { get; init; }
}

public enum ModelRole
{
    Teacher,
    Student,
}

/// <summary>
/// The single input convention shared by every model of the project: float32 NCHW, RGB, values 0..255,
/// any batch and any height/width ≥ <see cref="MinSide"/>; model-specific normalisation lives in the graph.
/// </summary>
public sealed record InputConvention
{
    public string Name { get; init; } = "image";
    public string Layout { get; init; } = "NCHW";
    public string ColorOrder { get; init; } = "RGB";
    public float RangeMin { get; init; }
    public float RangeMax { get; init; } = 255f;
    public int MinSide { get; init; } = 64;

    /// <summary>The longer image side the model was built or fitted for; aspect ratio is kept.</summary>
    public int RecommendedLongerSide { get; init; } = 224;

    /// <summary>Background (R, G, B) that transparent pixels are composited on.</summary>
    public IReadOnlyList<byte> AlphaBackground { get; init; } = [255, 255, 255];

    /// <summary>
    /// The image pipeline the model's vectors were made and validated with (<c>ImagePipeline.Identity</c>). A
    /// model is refused by a build whose pipeline has another identity, and so is a gallery indexed under one.
    /// </summary>
    public string? Preprocessing { get; init; }
}

public sealed record OutputSpec
{
    public string Name { get; init; } = "embedding";
    public required int Dimension { get; init; }

    /// <summary>Always <c>l2</c> here: vectors are unit length, so inner product equals cosine.</summary>
    public string Normalization { get; init; } = "l2";
}

public sealed record TeacherReference
{
    public required string TeacherId { get; init; }
    public required string TeacherSha256 { get; init; }
}

public sealed record Provenance
{
    /// <summary>Upstream weights, e.g. <c>nuget:Microsoft.ML.DnnImageFeaturizer.ResNet18@0.23.1</c>.</summary>
    public required string Source { get; init; }

    public string? Method { get; init; }
    public string? Data { get; init; }
    public string? Loss { get; init; }
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
    public string? Command { get; init; }
}
