using System.Runtime.InteropServices;
using System.Text;

namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>
/// Binary form of a fitted adapter, committed under <c>models/adapters/</c> so the student ONNX rebuilds
/// bit-identically on any machine: "RSLM", format version, inputs, outputs (int32 LE), then W and b (float32 LE).
/// </summary>
public static class LinearMapFile
{
    private static readonly byte[] Magic = "RSLM"u8.ToArray();
    private const int FormatVersion = 1;

    public static void Save(LinearMap map, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new BinaryWriter(File.Create(path), Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(map.Inputs);
        writer.Write(map.Outputs);
        writer.Write(MemoryMarshal.AsBytes(map.Weight.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(map.Bias.AsSpan()));
    }

    public static LinearMap Load(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (!reader.ReadBytes(4).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"'{path}' is not a version-{FormatVersion} linear adapter file.");
        }
        var inputs = reader.ReadInt32();
        var outputs = reader.ReadInt32();
        var weight = ReadFloats(reader, checked(inputs * outputs), path);
        var bias = ReadFloats(reader, outputs, path);
        return new LinearMap(inputs, outputs, weight, bias);
    }

    private static float[] ReadFloats(BinaryReader reader, int count, string path)
    {
        var bytes = reader.ReadBytes(count * sizeof(float));
        if (bytes.Length != count * sizeof(float))
        {
            throw new InvalidDataException($"'{path}' is truncated.");
        }
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
