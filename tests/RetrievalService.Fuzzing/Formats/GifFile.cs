namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// One GIF block after the screen descriptor: an extension (<see cref="Header"/> = 0x21, label) or an image
/// (<see cref="Header"/> = 0x2C, descriptor, local colour table, LZW minimum code size), then its data
/// sub-blocks; the trailer 0x3B has neither.
/// </summary>
internal sealed record GifBlock(byte[] Header, List<byte[]> SubBlocks)
{
    public bool IsImage => Header is [0x2C, ..];

    public bool IsTrailer => Header is [0x3B];
}

/// <summary>A GIF (https://www.w3.org/Graphics/GIF/spec-gif89a.txt) as header + screen + colour table, then blocks.</summary>
internal sealed record GifFile(byte[] Preamble, List<GifBlock> Blocks, byte[] Trailer)
{
    public static GifFile? Parse(byte[] bytes)
    {
        if (bytes.Length < 13 || FormatSniffer.Sniff(bytes) != ImageFormatKind.Gif)
        {
            return null;
        }
        var offset = 13 + ColourTableSize(bytes[10]);
        if (offset > bytes.Length)
        {
            return null;
        }
        var preamble = bytes[..offset];
        var blocks = new List<GifBlock>();
        while (offset < bytes.Length)
        {
            var headerLength = bytes[offset] switch
            {
                0x21 => 2,
                0x2C when offset + 10 <= bytes.Length => 10 + ColourTableSize(bytes[offset + 9]) + 1,
                0x3B => 1,
                _ => -1,
            };
            if (headerLength < 0 || offset + headerLength > bytes.Length)
            {
                break;
            }
            var header = bytes[offset..(offset + headerLength)];
            var cursor = offset + headerLength;
            var subBlocks = new List<byte[]>();
            if (header[0] != 0x3B && !ReadSubBlocks(bytes, ref cursor, subBlocks))
            {
                break;
            }
            blocks.Add(new GifBlock(header, subBlocks));
            offset = cursor;
            if (header[0] == 0x3B)
            {
                break;
            }
        }
        return blocks.Count == 0 ? null : new GifFile(preamble, blocks, bytes[offset..]);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Preamble);
        foreach (var block in Blocks)
        {
            stream.Write(block.Header);
            if (block.IsTrailer)
            {
                continue;
            }
            foreach (var sub in block.SubBlocks)
            {
                stream.WriteByte((byte)sub.Length);
                stream.Write(sub);
            }
            stream.WriteByte(0);
        }
        stream.Write(Trailer);
        return stream.ToArray();
    }

    /// <summary>Bytes of a global or local colour table whose packed field is <paramref name="packed"/>.</summary>
    private static int ColourTableSize(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);

    private static bool ReadSubBlocks(byte[] bytes, ref int cursor, List<byte[]> subBlocks)
    {
        while (cursor < bytes.Length)
        {
            var size = bytes[cursor++];
            if (size == 0)
            {
                return true;
            }
            if (cursor + size > bytes.Length)
            {
                return false;
            }
            subBlocks.Add(bytes[cursor..(cursor + size)]);
            cursor += size;
        }
        return false;
    }
}
