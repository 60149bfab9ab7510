using RetrievalService.Embedding.Manifests;

namespace RetrievalService.Api.Models;

/// <summary>A teacher and the query models fitted to it: what searches its gallery.</summary>
/// <param name="Teacher">The teacher's manifest.</param>
/// <param name="Students">Its query models, the default first.</param>
public sealed record TeacherModels(ModelManifest Teacher, IReadOnlyList<ModelManifest> Students)
{
    /// <summary>The query model for searches that name none.</summary>
    public ModelManifest DefaultStudent => Students[0];

    /// <summary>The query models' ids, quoted, for messages: <c>'a', 'b'</c>.</summary>
    public string StudentList => string.Join(", ", Students.Select(s => $"'{s.Id}'"));

    /// <summary>The query model <paramref name="id"/>, or null.</summary>
    public ModelManifest? FindStudent(string id) => Students.FirstOrDefault(s => s.Id == id);
}
