using System.Buffers.Binary;

namespace RetrievalService.Fuzzing.Formats;

/// <summary>
/// One JPEG marker segment (ITU T.81 Annex B). <see cref="Payload"/> follows the 2-byte length field;
/// <see cref="EntropyData"/> is the coded data after an SOS header, up to the next marker (restart markers included).
/// A <see cref="LengthField"/> that is set is written instead of the true length.
/// </summary>
internal sealed record JpegSegment(byte Marker, byte[] Payload, byte[] EntropyData, ushort? LengthField = null)
{
    public bool HasLength => Marker is not (0xD8 or 0xD9 or 0x01) && Marker is not (>= 0xD0 and <= 0xD7);

    public bool IsStartOfFrame => Marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    public string Name => Marker switch
    {
        0xD8 => "SOI",
        0xD9 => "EOI",
        0xDA => "SOS",
        0xC4 => "DHT",
        0xDB => "DQT",
        0xDD => "DRI",
        0xFE => "COM",
        >= 0xE0 and <= 0xEF => $"APP{Marker - 0xE0}",
        _ when IsStartOfFrame => $"SOF{Marker - 0xC0}",
        _ => $"FF{Marker:X2}",
    };

    public static JpegSegment Create(byte marker, byte[] payload) => new(marker, payload, []);
}

/// <summary>A JPEG split into marker segments; bytes the parser could not place are kept as a trailer.</summary>
internal sealed record JpegFile(List<JpegSegment> Segments, byte[] Trailer)
{
    public static JpegFile? Parse(byte[] bytes)
    {
        if (bytes is not [0xFF, 0xD8, ..])
        {
            return null;
        }
        var segments = new List<JpegSegment> { JpegSegment.Create(0xD8, []) };
        var offset = 2;
        while (offset + 2 <= bytes.Length && bytes[offset] == 0xFF)
        {
            var marker = bytes[offset + 1];
            if (marker == 0xFF)
            {
                offset++;
                continue;
            }
            var segment = JpegSegment.Create(marker, []);
            if (!segment.HasLength)
            {
                segments.Add(segment);
                offset += 2;
                if (marker == 0xD9)
                {
                    break;
                }
                continue;
            }
            if (offset + 4 > bytes.Length)
            {
                break;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 2));
            if (length < 2 || offset + 2 + length > bytes.Length)
            {
                break;
            }
            var payload = bytes[(offset + 4)..(offset + 2 + length)];
            offset += 2 + length;
            var entropy = Array.Empty<byte>();
            if (marker == 0xDA)
            {
                var end = EndOfEntropyData(bytes, offset);
                entropy = bytes[offset..end];
                offset = end;
            }
            segments.Add(segment with { Payload = payload, EntropyData = entropy });
        }
        return segments.Count < 2 ? null : new JpegFile(segments, bytes[Math.Min(offset, bytes.Length)..]);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var segment in Segments)
        {
            stream.WriteByte(0xFF);
            stream.WriteByte(segment.Marker);
            if (segment.HasLength)
            {
                BinaryPrimitives.WriteUInt16BigEndian(length, segment.LengthField ?? (ushort)Math.Min(segment.Payload.Length + 2, ushort.MaxValue));
                stream.Write(length);
                stream.Write(segment.Payload);
                stream.Write(segment.EntropyData);
            }
        }
        stream.Write(Trailer);
        return stream.ToArray();
    }

    public int IndexOfFrame => Segments.FindIndex(s => s.IsStartOfFrame);

    /// <summary>Coded data runs until a marker other than a stuffed 0xFF00 or a restart marker RST0–7.</summary>
    private static int EndOfEntropyData(byte[] bytes, int offset)
    {
        for (var i = offset; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xFF && bytes[i + 1] != 0x00 && bytes[i + 1] is not (>= 0xD0 and <= 0xD7) && bytes[i + 1] != 0xFF)
            {
                return i;
            }
        }
        return bytes.Length;
    }
}
