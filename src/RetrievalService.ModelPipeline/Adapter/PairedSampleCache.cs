using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>
/// Caches embedded views on disk, keyed by everything that determines them (model hashes, photo keys,
/// views per photo), so refitting with other settings does not re-embed thousands of crops.
/// </summary>
public sealed class PairedSampleCache(string folder)
{
    public string PathFor(string identity) =>
        Path.Combine(folder, "paired-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16] + ".bin");

    /// <summary>Samples plus the photos that could not be embedded (key: reason), from disk or from <paramref name="create"/>.</summary>
    public (IReadOnlyList<PairedSample> Samples, IReadOnlyList<string> Skipped) GetOrCreate(
        string identity, Func<(IReadOnlyList<PairedSample>, IReadOnlyList<string>)> create)
    {
        var path = PathFor(identity);
        if (File.Exists(path))
        {
            return Read(path);
        }
        var (samples, skipped) = create();
        Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(skipped.Count);
            foreach (var line in skipped)
            {
                writer.Write(line);
            }
            writer.Write(samples.Count);
            foreach (var sample in samples)
            {
                writer.Write(sample.PhotoKey);
                writer.Write(sample.View);
                WriteFloats(writer, sample.StudentFeatures);
                WriteFloats(writer, sample.TeacherVector);
            }
        }
        File.Move(temporary, path, overwrite: true);
        return (samples, skipped);
    }

    private static (IReadOnlyList<PairedSample>, IReadOnlyList<string>) Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        var skipped = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToList();
        var count = reader.ReadInt32();
        var samples = new List<PairedSample>(count);
        for (var i = 0; i < count; i++)
        {
            samples.Add(new PairedSample(reader.ReadString(), reader.ReadInt32(), ReadFloats(reader), ReadFloats(reader)));
        }
        return (samples, skipped);
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader reader) =>
        MemoryMarshal.Cast<byte, float>(reader.ReadBytes(reader.ReadInt32() * sizeof(float))).ToArray();
}
