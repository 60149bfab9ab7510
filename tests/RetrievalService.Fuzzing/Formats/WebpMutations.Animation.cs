namespace RetrievalService.Fuzzing.Formats;

/// <summary>Animated files built from the seed: many ANMF frames anywhere on the canvas.</summary>
public static partial class WebpMutations
{
    /// <summary>An animated file of many ANMF frames (each the seed's bitstream), frames placed anywhere on the canvas.</summary>
    public static Mutated? AnimationFlood(byte[] input, Random random) => Edit(input, chunks =>
    {
        var bitstream = chunks.Where(c => c.FourCc is "VP8 " or "VP8L" or "ALPH").ToList();
        if (bitstream.Count == 0)
        {
            return null;
        }
        var body = new RiffFile(bitstream, []).ToBytes()[12..];
        var frames = Math.Max(1, Math.Min(random.Pick([2, 100, 1_000]), (4 << 20) / Math.Max(1, body.Length)));
        var frameOffset = (uint)random.Pick([0, 1, 100, 0x7F_FFFF]);
        var header = new byte[16];
        WriteUInt24(header, frameOffset);
        WriteUInt24(header.AsSpan(3), frameOffset);
        var (width, height) = ReadCanvas(chunks);
        WriteUInt24(header.AsSpan(6), width - 1);
        WriteUInt24(header.AsSpan(9), height - 1);
        var frame = RiffChunk.Create("ANMF", [.. header, .. body]);
        var index = EnsureExtendedHeader(chunks);
        var flags = (byte[])chunks[index].Data.Clone();
        flags[0] |= 0x02;
        chunks[index] = chunks[index] with { Data = flags };
        chunks.RemoveAll(c => c.FourCc is "VP8 " or "VP8L" or "ALPH");
        chunks.Add(RiffChunk.Create("ANIM", new byte[6]));
        chunks.AddRange(Enumerable.Repeat(frame, frames));
        return $"webp.anim-flood:{frames}-frames@{frameOffset}";
    });
}
