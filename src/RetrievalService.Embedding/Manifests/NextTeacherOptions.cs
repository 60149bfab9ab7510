namespace RetrievalService.Embedding.Manifests;

/// <summary>
/// <c>Models:Next</c>: the teacher a gallery is being rebuilt for, and its query models, loaded beside the current ones
/// so that the switch to its gallery needs no restart.
/// </summary>
public sealed class NextTeacherOptions
{
    /// <summary>The next teacher's id; null or empty when no upgrade is in progress.</summary>
    public string? Teacher { get; set; }

    /// <summary>Its default query model: embeds the queries that name no model once its gallery is live.</summary>
    public string? Student { get; set; }

    /// <summary>Every query model fitted to it, <see cref="Student"/> included.</summary>
    public string[] Students { get; set; } = [];

    /// <summary>Whether an upgrade is configured.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(Teacher);

    /// <summary>The ids of its query models: <see cref="Student"/> first.</summary>
    public IReadOnlyList<string> ActiveStudents() => string.IsNullOrEmpty(Student) ? [] : ModelsOptions.DefaultFirst(Student, Students);
}
