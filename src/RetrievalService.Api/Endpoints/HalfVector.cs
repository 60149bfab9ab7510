using System.Buffers.Binary;
using Microsoft.Extensions.Primitives;

namespace RetrievalService.Api.Endpoints;

/// <summary>
/// A query vector as a phone sends it compactly: IEEE 754 half-precision values, little-endian, base64-encoded (1 KiB of
/// base64 for 512 values). Half precision loses nothing a ranking notices: the server renormalises the vector.
/// </summary>
internal static class HalfVector
{
    /// <exception cref="Errors.ApiProblemException">400 <c>invalid-embedding</c>: given twice, not base64, or an odd byte count.</exception>
    public static float[] Decode(StringValues field)
    {
        if (field.Count != 1)
        {
            throw QueryVector.Invalid("'embedding' is given more than once; send it once.");
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(field[0] ?? "");
        }
        catch (FormatException)
        {
            throw QueryVector.Invalid("'embedding' is not base64; send the float16 values, little-endian, base64-encoded.");
        }
        if (bytes.Length % 2 != 0)
        {
            throw QueryVector.Invalid($"'embedding' decodes to {bytes.Length} bytes, not a whole number of float16 values.");
        }
        var values = new float[bytes.Length / 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(2 * i, 2));
        }
        return values;
    }
}
