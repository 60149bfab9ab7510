namespace RetrievalService.Embedding.Manifests;

/// <summary>
/// Whether a query model's vectors live in a teacher's embedding space, the one rule behind the API's start-up
/// refusal and the evaluator's warning: the student's manifest must name the teacher's id and the SHA-256 of its
/// ONNX file, and output as many dimensions (Budnik &amp; Avrithis: a student is only meaningful in the space of the
/// teacher it was trained against).
/// </summary>
public static class ModelCompatibility
{
    /// <summary>Null when <paramref name="student"/> may query a gallery of <paramref name="teacher"/>, else why not.</summary>
    public static string? Incompatibility(ModelManifest teacher, ModelManifest student)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(student);
        if (student.CompatibleWith is not { } declared)
        {
            return $"the student '{student.Id}' declares no compatibleWith teacher in its manifest";
        }
        if (!string.Equals(declared.TeacherId, teacher.Id, StringComparison.Ordinal))
        {
            return $"the student '{student.Id}' was fitted to teacher '{declared.TeacherId}', not to '{teacher.Id}'";
        }
        // Manifests write lower-case hex, but a hash typed or pasted by hand may not be: the bytes are what count.
        if (!string.Equals(declared.TeacherSha256, teacher.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return $"the student '{student.Id}' was fitted to teacher '{teacher.Id}' with ONNX sha256 {declared.TeacherSha256}, " +
                   $"but the configured teacher's file has sha256 {teacher.Sha256} (a rebuilt or different teacher)";
        }
        return student.Output.Dimension == teacher.Output.Dimension
            ? null
            : $"the student '{student.Id}' outputs {student.Output.Dimension}-d vectors; the teacher '{teacher.Id}' outputs {teacher.Output.Dimension}-d";
    }
}
