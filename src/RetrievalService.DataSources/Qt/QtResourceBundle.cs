using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RetrievalService.DataSources.Qt;

/// <summary>One file of a Qt resource bundle: its path inside the bundle and its bytes (decompressed).</summary>
public sealed record QtResourceFile(string Path, byte[] Content);

/// <summary>
/// Reads Qt binary resource bundles (<c>.rcc</c>, format versions 1–3, as <c>rcc -binary</c> writes them). Some
/// Debian packages ship their images only inside such bundles (GCompris: photographs of objects, animals,
/// monuments, paintings), so the photo pool needs them unpacked. Layout, all integers big-endian: <c>qres</c>,
/// version, then offsets of the node tree, the data and the names; a node is 14 bytes (22 from version 2, which
/// appends a modification time): name offset, flags, then either child count and first child or locale and data
/// offset. Names are length-prefixed UTF-16; data is length-prefixed, zlib-compressed after a 4-byte size when
/// flagged so (<c>qCompress</c>).
/// </summary>
public static class QtResourceBundle
{
    private const ushort CompressedZlib = 0x01;
    private const ushort Directory = 0x02;
    private const ushort CompressedZstd = 0x04;

    /// <summary>Every file of the bundle, in tree order, with paths joined by <c>/</c>.</summary>
    /// <param name="bundle">The bundle's bytes.</param>
    /// <param name="unsupported">Files that cannot be read here (zstd-compressed), by path.</param>
    /// <exception cref="InvalidDataException">Not a Qt resource bundle, or a damaged one.</exception>
    public static IReadOnlyList<QtResourceFile> Read(ReadOnlySpan<byte> bundle, ICollection<string> unsupported)
    {
        ArgumentNullException.ThrowIfNull(unsupported);
        if (bundle.Length < 20 || !bundle[..4].SequenceEqual("qres"u8))
        {
            throw new InvalidDataException("Not a Qt resource bundle: it does not start with 'qres'.");
        }
        var version = ReadInt32(bundle, 4);
        if (version is < 1 or > 3)
        {
            throw new InvalidDataException($"Qt resource bundle format version {version} is not supported (1–3 are).");
        }
        var layout = new Layout(ReadInt32(bundle, 8), ReadInt32(bundle, 12), ReadInt32(bundle, 16), version == 1 ? 14 : 22);
        var files = new List<QtResourceFile>();
        var visited = new HashSet<int>();
        var pending = new Stack<(int Node, string Prefix)>();
        pending.Push((0, ""));
        while (pending.Count > 0)
        {
            var (node, prefix) = pending.Pop();
            // A damaged tree could point back at a directory already listed; each node is read once.
            if (!visited.Add(node))
            {
                throw new InvalidDataException($"Qt resource bundle node {node} is reached twice: the tree is damaged.");
            }
            // The whole node must lie inside the bundle, modification time included, or the bundle is cut short.
            var fields = Slice(bundle, layout.Tree + (long)node * layout.NodeSize, layout.NodeSize);
            var flags = ReadUInt16(fields, 4);
            // The root's name is not part of any path.
            var path = node == 0 ? "" : prefix + ReadName(bundle, layout.Names, ReadInt32(fields, 0));
            if ((flags & Directory) != 0)
            {
                var (count, first) = (ReadInt32(fields, 6), ReadInt32(fields, 10));
                // Children are nodes, so they must fit in the bundle; a damaged count must not make us push billions of them.
                if (count < 0 || first < 0 || (long)first + count > layout.NodeCapacity(bundle.Length))
                {
                    throw new InvalidDataException($"Qt resource bundle directory '{path}' has an impossible child range ({count} from {first}).");
                }
                // Pushed in reverse so files come out in the tree's (sorted) order.
                for (var child = first + count - 1; child >= first; child--)
                {
                    pending.Push((child, path + "/"));
                }
                continue;
            }
            var content = ReadData(bundle, (long)layout.Data + ReadInt32(fields, 10), path);
            if ((flags & CompressedZstd) != 0)
            {
                unsupported.Add($"{path}: zstd-compressed, which this reader does not decompress");
                continue;
            }
            files.Add(new QtResourceFile(path.TrimStart('/'), (flags & CompressedZlib) != 0 ? Inflate(content, path) : content));
        }
        return files;
    }

    private readonly record struct Layout(int Tree, int Data, int Names, int NodeSize)
    {
        public long NodeCapacity(int bundleLength) => Math.Max(0, (long)bundleLength - Tree) / NodeSize;
    }

    private static string ReadName(ReadOnlySpan<byte> bundle, int names, int offset)
    {
        var at = (long)names + offset;
        var length = ReadUInt16(bundle, at);
        // After the length: a 4-byte hash, then the UTF-16BE characters.
        return Encoding.BigEndianUnicode.GetString(Slice(bundle, at + 6, 2 * length));
    }

    private static byte[] ReadData(ReadOnlySpan<byte> bundle, long at, string path)
    {
        var size = ReadInt32(bundle, at);
        if (size < 0)
        {
            throw new InvalidDataException($"Qt resource bundle file '{path}' has a negative size.");
        }
        return Slice(bundle, at + 4, size).ToArray();
    }

    // qCompress: the uncompressed size (4 bytes, big-endian), then a zlib stream.
    private static byte[] Inflate(byte[] compressed, string path)
    {
        if (compressed.Length < 4)
        {
            throw new InvalidDataException($"Qt resource bundle file '{path}' is flagged compressed but holds {compressed.Length} bytes.");
        }
        var expected = BinaryPrimitives.ReadInt32BigEndian(compressed);
        using var zlib = new ZLibStream(new MemoryStream(compressed, 4, compressed.Length - 4), CompressionMode.Decompress);
        using var inflated = new MemoryStream(Math.Max(0, expected));
        zlib.CopyTo(inflated);
        if (inflated.Length != expected)
        {
            throw new InvalidDataException($"Qt resource bundle file '{path}' inflates to {inflated.Length} bytes, not the {expected} it declares.");
        }
        return inflated.ToArray();
    }

    // Offsets are computed in 64 bits so that a damaged bundle's huge values land here, not in an overflow.
    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> bundle, long at, int length) =>
        at >= 0 && length >= 0 && at + length <= bundle.Length
            ? bundle.Slice((int)at, length)
            : throw new InvalidDataException($"Qt resource bundle is truncated: {length} bytes at offset {at} lie outside its {bundle.Length} bytes.");

    private static int ReadInt32(ReadOnlySpan<byte> bundle, long at) => BinaryPrimitives.ReadInt32BigEndian(Slice(bundle, at, 4));

    private static ushort ReadUInt16(ReadOnlySpan<byte> bundle, long at) => BinaryPrimitives.ReadUInt16BigEndian(Slice(bundle, at, 2));
}
