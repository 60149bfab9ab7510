using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Api.Endpoints;

/// <summary>The answer of <c>GET /models</c>.</summary>
/// <param name="Teacher">The teacher whose gallery answers searches (the live one).</param>
/// <param name="Students">The query models that search it, the default first.</param>
/// <param name="Retired">Query models no longer served, with their replacements.</param>
/// <param name="Galleries">Every gallery this instance serves: the live one, and during a teacher upgrade the one being rebuilt.</param>
public sealed record ModelsResponse(ActiveModel Teacher, IReadOnlyList<ActiveStudent> Students, IReadOnlyList<RetiredModel> Retired, IReadOnlyList<GalleryState> Galleries);

/// <summary>A query model no longer served.</summary>
/// <param name="Id">Its id; a search naming it is answered 410.</param>
/// <param name="Replacement">The served model to use instead.</param>
public sealed record RetiredModel(string Id, string Replacement);

/// <summary>The answer of <c>GET /models/{id}</c>: what a client needs to run the query model itself.</summary>
/// <param name="Id">Model id.</param>
/// <param name="Default">Whether it is the default query model.</param>
/// <param name="Sha256">SHA-256 of its ONNX file, also the file's ETag.</param>
/// <param name="OnnxBytes">Size of the ONNX file.</param>
/// <param name="OnnxUrl">Where to download it.</param>
/// <param name="Manifest">Its manifest: the input convention (the preprocessing contract), output, compatibility, provenance and metrics.</param>
public sealed record ModelDetail(string Id, bool Default, string Sha256, long OnnxBytes, string OnnxUrl, ModelManifest Manifest);

/// <summary>A loaded model.</summary>
/// <param name="Id">Model id.</param>
/// <param name="ExecutionProvider">Where it runs: <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Manifest">Its manifest (architecture, input convention, provenance).</param>
public sealed record ActiveModel(string Id, string ExecutionProvider, ModelManifest Manifest);

/// <summary>A loaded student and its compatibility with the teacher.</summary>
/// <param name="Id">Model id.</param>
/// <param name="ExecutionProvider">Where it runs.</param>
/// <param name="Compatible">True when its manifest declares the teacher's id and ONNX sha256 (always so for a running service).</param>
/// <param name="Manifest">Its manifest, including <c>compatibleWith</c>.</param>
public sealed record ActiveStudent(string Id, string ExecutionProvider, bool Compatible, ModelManifest Manifest)
{
    /// <summary>Whether it embeds the queries that name no model.</summary>
    public bool Default { get; init; }
}
