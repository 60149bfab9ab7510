namespace RetrievalService.DecodeBench.Decoders;

/// <summary>A candidate library: encoded bytes in, an RGB image whose longer side is the requested one out.</summary>
internal interface IThumbnailDecoder
{
    /// <summary>The short name used on the command line and in the tables.</summary>
    string Name { get; }

    /// <summary>Licences of the managed binding and the native code it ships, as a table cell.</summary>
    string Licence { get; }

    Thumbnail Decode(byte[] bytes, int longerSide);
}

/// <summary>Interleaved 8-bit RGB pixels, row-major, and the size the library decoded at before resizing.</summary>
internal sealed record Thumbnail(int Width, int Height, byte[] Rgb, int DecodedWidth, int DecodedHeight);
