using System.Buffers.Binary;
using RetrievalService.Embedding.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

/// <summary>An animated WebP is read like an animated GIF: its first frame.</summary>
public sealed class AnimatedWebpTests
{
    [Fact]
    public void An_animated_webp_decodes_to_its_first_frame()
    {
        var bytes = AnimatedWebp(16, 12, FrameOf(new Rgba32(255, 0, 0), 16, 12), FrameOf(new Rgba32(0, 0, 255), 16, 12));

        using var prepared = TestImages.Pipeline.Prepare(bytes, new Embedding.Manifests.InputConvention { MinSide = 1, RecommendedLongerSide = 16 });
        using var raster = TestImages.Decode(bytes);

        Assert.Equal("WebP", prepared.Format);
        Assert.All(TestImages.Pixels(raster), p => Assert.Equal(new Rgb24(255, 0, 0), p));
    }

    /// <summary>The VP8L chunk of a lossless still WebP of one colour.</summary>
    private static byte[] FrameOf(Rgba32 colour, int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, colour);
        var file = TestImages.Encode(image, "webp");
        for (var at = 12; at + 8 <= file.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(at + 4));
            if (file.AsSpan(at, 4).SequenceEqual("VP8L"u8))
            {
                return file[at..(at + 8 + size + (size & 1))];
            }
            at += 8 + size + (size & 1);
        }
        throw new InvalidOperationException("the encoder wrote no VP8L chunk");
    }

    /// <summary>RIFF/WEBP with VP8X (animation flag), ANIM, and one full-canvas ANMF per frame.</summary>
    private static byte[] AnimatedWebp(int width, int height, params byte[][] frames)
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        var vp8x = new byte[10];
        vp8x[0] = 0x02; // animation
        Write24(vp8x.AsSpan(4), width - 1);
        Write24(vp8x.AsSpan(7), height - 1);
        Chunk(body, "VP8X", vp8x);
        Chunk(body, "ANIM", new byte[6]);
        foreach (var frame in frames)
        {
            var header = new byte[16];
            Write24(header.AsSpan(6), width - 1);
            Write24(header.AsSpan(9), height - 1);
            Write24(header.AsSpan(12), 100); // duration, ms
            Chunk(body, "ANMF", [.. header, .. frame]);
        }
        var riff = new byte[8];
        "RIFF"u8.CopyTo(riff);
        BinaryPrimitives.WriteInt32LittleEndian(riff.AsSpan(4), (int)body.Length);
        return [.. riff, .. body.ToArray()];
    }

    private static void Chunk(Stream stream, string type, byte[] payload)
    {
        var header = new byte[8];
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), payload.Length);
        stream.Write(header);
        stream.Write(payload);
        if (payload.Length % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }

    private static void Write24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }
}
