using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Memory;

namespace RetrievalService.Embedding.Images;

/// <summary>Translates what ImageSharp throws on hostile or damaged input into <see cref="ImageRejectedException"/>.</summary>
internal static class DecoderFailures
{
    public static T Guard<T>(IImageFormat? format, Func<T> decode)
    {
        var name = format?.Name ?? "image";
        try
        {
            return decode();
        }
        catch (UnknownImageFormatException e)
        {
            throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat,
                $"The bytes are not a supported image; send one of {DecoderConfiguration.SupportedFormats}.", e);
        }
        catch (NotSupportedException e)
        {
            // e.g. a TIFF compression or a WebP animation that ImageSharp 2.x does not implement.
            throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat,
                $"This {name} variant is not supported ({e.Message}); re-encode it as baseline JPEG or PNG.", e);
        }
        catch (InvalidMemoryOperationException e)
        {
            // Only reachable when the file needs more memory than its header admitted to.
            throw new ImageRejectedException(ImageRejectionReason.TooManyPixels,
                $"Decoding this {name} would need more memory than the pixel limit allows; downscale it before sending.", e);
        }
        catch (Exception e) when (e is ImageFormatException or EndOfStreamException or InvalidDataException
            or ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            // Decoders of truncated or fuzzed files fail in many ways; to a client they all mean the same thing.
            throw new ImageRejectedException(ImageRejectionReason.Corrupt,
                $"The {name} is corrupt or truncated ({e.Message}); check that the whole file was sent.", e);
        }
    }

    /// <summary>A read-only stream over the bytes, without copying when they live in an array.</summary>
    public static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
