using Google.Protobuf;
using Onnx;

namespace RetrievalService.ModelPipeline.Onnx;

/// <summary>Loads and saves ONNX models; saving is byte-deterministic so manifests can pin a SHA-256.</summary>
public static class OnnxFiles
{
    public static ModelProto Load(string path)
    {
        using var stream = File.OpenRead(path);
        return ModelProto.Parser.ParseFrom(stream);
    }

    public static void Save(ModelProto model, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Write then rename, so a crash never leaves a truncated model that a later step trusts.
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            model.WriteTo(stream);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
