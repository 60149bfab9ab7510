using System.Text;

namespace RetrievalService.Embedding.Images;

/// <summary>
/// Names the container from its magic bytes. Decoders are only handed formats recognised here, so bytes that
/// happen to parse as some obscure format (a WBMP header is two zero bytes) never reach one.
/// </summary>
internal static class FormatSniffer
{
    /// <summary>What the error message for an unknown format lists.</summary>
    public const string SupportedFormats = "JPEG, PNG, WebP, GIF or BMP";

    private const string SendInstead = "send JPEG or PNG instead";

    public static ImageContainer Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageContainer.Jpeg;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageContainer.Png;
        }
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageContainer.WebP;
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ImageContainer.Gif;
        }
        if (bytes.StartsWith("BM"u8))
        {
            return ImageContainer.Bmp;
        }
        throw Unsupported(bytes);
    }

    private static ImageRejectedException Unsupported(ReadOnlySpan<byte> bytes)
    {
        var name = KnownUnsupported(bytes);
        var message = name switch
        {
            null => $"The bytes are not a supported image; send one of {SupportedFormats}.",
            "HEIC/HEIF" => $"HEIC/HEIF images are not decoded here; {SendInstead} (on iPhone: Settings › Camera › Formats › Most Compatible, or share as JPEG).",
            _ => $"{name} images are not decoded here; {SendInstead} (the service reads {SupportedFormats}).",
        };
        return new ImageRejectedException(ImageRejectionReason.UnsupportedFormat, message);
    }

    /// <summary>Formats a phone, browser or scanner may plausibly send, named so the client knows what to change.</summary>
    private static string? KnownUnsupported(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(bytes[8..12]);
            return brand switch
            {
                "avif" or "avis" => "AVIF",
                "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1" => "HEIC/HEIF",
                _ => "ISO media (" + brand.Trim() + ")",
            };
        }
        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return "TIFF (or camera raw)";
        }
        if (bytes.StartsWith("%PDF"u8))
        {
            return "PDF";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' ']))
        {
            return "JPEG XL";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' ']))
        {
            return "JPEG 2000";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 1, 0]))
        {
            return "ICO";
        }
        if (bytes.StartsWith("8BPS"u8))
        {
            return "Photoshop (PSD)";
        }
        return LooksLikeSvg(bytes) ? "SVG" : null;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
