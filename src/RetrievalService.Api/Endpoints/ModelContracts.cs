using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Api.Endpoints;

/// <summary>The answer of <c>GET /models</c>.</summary>
/// <param name="Teacher">The teacher whose space the gallery lives in.</param>
/// <param name="Students">Students that embed asymmetric queries.</param>
public sealed record ModelsResponse(ActiveModel Teacher, IReadOnlyList<ActiveStudent> Students);

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
public sealed record ActiveStudent(string Id, string ExecutionProvider, bool Compatible, ModelManifest Manifest);
