namespace RetrievalService.Fuzzing;

/// <summary>Magic-byte sniffing; a mutant can stop being its seed's format, so each round sniffs again.</summary>
public static class FormatSniffer
{
    public static ImageFormatKind Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, ..] => ImageFormatKind.Jpeg,
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ImageFormatKind.Png,
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => ImageFormatKind.Gif,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ImageFormatKind.Webp,
        [(byte)'B', (byte)'M', ..] => ImageFormatKind.Bmp,
        _ => ImageFormatKind.Unknown,
    };
}
