using RetrievalService.Api.Errors;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// A query vector computed by the client with a served query model: checked for the teacher's dimension and finite
/// values, and scaled to unit length (a client's float16 or a model exported without its final normalisation is off
/// by a little; a zero vector has no direction and is refused).
/// </summary>
internal static class QueryVector
{
    /// <summary>The unit vector of <paramref name="values"/>.</summary>
    /// <exception cref="ApiProblemException">400 <c>invalid-embedding</c>.</exception>
    public static float[] Normalize(float[] values, int dimension, string modelId)
    {
        if (values.Length != dimension)
        {
            throw Invalid($"The embedding has {values.Length} values; '{modelId}' embeds into the teacher's {dimension} dimensions.");
        }
        double squares = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw Invalid($"The embedding's value {i} is not a finite number.");
            }
            squares += (double)values[i] * values[i];
        }
        var norm = Math.Sqrt(squares);
        if (norm < 1e-6)
        {
            throw Invalid("The embedding is (almost) zero: it points nowhere. Send the model's output as it is.");
        }
        return [.. values.Select(v => (float)(v / norm))];
    }

    public static ApiProblemException Invalid(string detail) => ApiProblemException.BadRequest(ProblemCodes.InvalidEmbedding, detail);
}
