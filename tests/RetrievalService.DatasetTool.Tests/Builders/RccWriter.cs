using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RetrievalService.DatasetTool.Tests.Builders;

/// <summary>
/// Writes Qt binary resource bundles the way Qt's <c>rcc -binary</c> lays them out (header, names, data, then the
/// node tree with each directory's children stored contiguously, breadth first), so the reader is tested on
/// bundles of known content.
/// </summary>
internal static class RccWriter
{
    public const ushort Zlib = 0x01;
    public const ushort Zstd = 0x04;

    public sealed record Entry(string Path, byte[] Content, ushort Flags = 0);

    /// <summary>A bundle holding <paramref name="files"/> (paths joined by <c>/</c>) in format <paramref name="version"/>.</summary>
    public static byte[] Write(IReadOnlyList<Entry> files, int version = 3)
    {
        var root = new Node("");
        foreach (var file in files)
        {
            var node = root;
            foreach (var part in file.Path.Split('/'))
            {
                node = node.Children.TryGetValue(part, out var child) ? child : node.Children[part] = new Node(part);
            }
            node.File = file;
        }
        var order = new List<Node> { root };
        for (var i = 0; i < order.Count; i++)
        {
            order[i].FirstChild = order.Count;
            order.AddRange(order[i].Children.Values);
        }

        var names = new MemoryStream();
        var data = new MemoryStream();
        foreach (var node in order.Skip(1))
        {
            node.NameOffset = (int)names.Position;
            WriteUInt16(names, (ushort)node.Name.Length);
            WriteInt32(names, 0); // hash: only Qt's lookup uses it
            names.Write(Encoding.BigEndianUnicode.GetBytes(node.Name));
            if (node.File is { } file)
            {
                node.DataOffset = (int)data.Position;
                WriteInt32(data, file.Content.Length);
                data.Write(file.Content);
            }
        }

        var headerLength = version >= 3 ? 24 : 20;
        var namesOffset = headerLength;
        var dataOffset = namesOffset + (int)names.Length;
        var treeOffset = dataOffset + (int)data.Length;
        var bundle = new MemoryStream();
        bundle.Write("qres"u8);
        foreach (var value in new[] { version, treeOffset, dataOffset, namesOffset })
        {
            WriteInt32(bundle, value);
        }
        if (version >= 3)
        {
            WriteInt32(bundle, 0); // overall flags
        }
        names.WriteTo(bundle);
        data.WriteTo(bundle);
        foreach (var node in order)
        {
            WriteInt32(bundle, node.NameOffset);
            if (node.File is { } file)
            {
                WriteUInt16(bundle, file.Flags);
                WriteUInt16(bundle, 0); // territory
                WriteUInt16(bundle, 0); // language
                WriteInt32(bundle, node.DataOffset);
            }
            else
            {
                WriteUInt16(bundle, 0x02);
                WriteInt32(bundle, node.Children.Count);
                WriteInt32(bundle, node.FirstChild);
            }
            if (version >= 2)
            {
                bundle.Write(new byte[8]); // modification time
            }
        }
        return bundle.ToArray();
    }

    /// <summary>Qt's <c>qCompress</c>: the length, big-endian, then a zlib stream.</summary>
    public static byte[] QCompress(byte[] content)
    {
        var output = new MemoryStream();
        WriteInt32(output, content.Length);
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }
        return output.ToArray();
    }

    private sealed class Node(string name)
    {
        public string Name { get; } = name;
        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
        public Entry? File { get; set; }
        public int NameOffset { get; set; }
        public int DataOffset { get; set; }
        public int FirstChild { get; set; }
    }

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        stream.Write(bytes);
    }
}
