using System.Buffers.Binary;
using System.Text;
using RetrievalService.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace RetrievalService.Api.Tests.Malformed;

/// <summary>
/// Query images the pipeline must refuse: formats it does not read (415, named where a phone or browser may send
/// them), damaged or truncated files of the formats it does read (422), and headers declaring more pixels than the
/// limits (422, read from the header before any pixel is allocated). The fixture allows 4 MiB per image.
/// </summary>
internal static class ImageBytesCases
{
    public static IEnumerable<MalformedCase> All =>
    [
        Unsupported("random_bytes", TestImages.Noise(5000, 2), "application/octet-stream"),
        Unsupported("one_byte", [0xFF]),
        Unsupported("html_sent_as_image_jpeg", "<!doctype html><html><body>hi</body></html>"u8.ToArray()),
        Unsupported("utf16_text_sent_as_image_jpeg", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("not a photo")).ToArray()),
        Unsupported("heic_from_an_iphone", IsoMedia("heic"), "image/heic"),
        Unsupported("heif_image_collection", IsoMedia("mif1"), "image/heif"),
        Unsupported("avif", IsoMedia("avif"), "image/avif"),
        Unsupported("mp4_video_sent_as_octet_stream", IsoMedia("isom"), "application/octet-stream"),
        Unsupported("tiff_little_endian", [.. "II*\0"u8, 8, 0, 0, 0, .. new byte[64]], "image/tiff"),
        Unsupported("tiff_big_endian_camera_raw", [.. "MM\0*"u8, 0, 0, 0, 8, .. new byte[64]], "image/x-canon-cr2"),
        Unsupported("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray(), "image/svg+xml"),
        Unsupported("svg_after_a_byte_order_mark_and_xml_prolog", "\uFEFF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), "image/svg+xml"),
        Unsupported("pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray(), "application/octet-stream"),
        Unsupported("ico", [0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, .. new byte[64]], "image/x-icon"),
        Unsupported("photoshop_psd", [.. "8BPS"u8, 0, 1, .. new byte[64]], "image/vnd.adobe.photoshop"),
        Unsupported("jpeg_xl_codestream", [0xFF, 0x0A, 0xFA, 0x7F, .. new byte[64]], "image/jxl"),
        Unsupported("jpeg_xl_container", [0, 0, 0, 0x0C, .. "JXL "u8, 0x0D, 0x0A, 0x87, 0x0A, .. new byte[64]], "image/jxl"),
        Unsupported("jpeg_2000", [0, 0, 0, 0x0C, .. "jP  "u8, 0x0D, 0x0A, 0x87, 0x0A, .. new byte[64]], "image/jp2"),
        Unsupported("zip_archive", [.. "PK\u0003\u0004"u8, .. new byte[64]], "application/octet-stream"),
        Corrupt("truncated_jpeg", Photos.Get("fruits")[..400]),
        Corrupt("jpeg_header_then_garbage", [0xFF, 0xD8, 0xFF, 0xE0, .. TestImages.Noise(2000, 1)]),
        Corrupt("jpeg_start_then_end_marker", [0xFF, 0xD8, 0xFF, 0xD9]),
        Corrupt("jpeg_frame_of_zero_height", Sof(width: 64, height: 0)),
        // Without a scan the decoder never reports the frame's size: the file is refused as damaged before any limit applies.
        Corrupt("jpeg_declaring_65535x65535_without_a_scan", Sof(width: 65535, height: 65535)),
        Corrupt("png_header_without_pixels", PngFiles.HeaderOnly(64, 64), "image/png"),
        Corrupt("png_of_zero_width", PngFiles.HeaderOnly(0, 64), "image/png"),
        Corrupt("png_of_negative_width", PngFiles.HeaderOnly(-1, 64), "image/png"),
        Corrupt("png_with_a_bad_header_crc", WithByteFlipped(TestImages.FlatPng(64, 64), 29), "image/png"),
        Corrupt("png_with_damaged_pixel_data", Damaged(Photos.Get("astronaut")), "image/png"),
        Corrupt("png_cut_in_half", Photos.Get("coffee")[..(Photos.Get("coffee").Length / 2)], "image/png"),
        Corrupt("gif_header_cut_after_the_signature", [.. "GIF89a"u8, 10, 0, 10, 0], "image/gif"),
        Corrupt("gif_of_zero_by_zero_pixels", [.. "GIF89a"u8, 0, 0, 0, 0, 0, 0, 0, 0x3B], "image/gif"),
        Corrupt("webp_cut_after_its_chunk_header", [.. "RIFF"u8, 20, 0, 0, 0, .. "WEBPVP8 "u8, 8, 0, 0, 0, 0x10, 0x02], "image/webp"),
        Corrupt("bmp_cut_after_the_file_header", [.. "BM"u8, 0x3E, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0], "image/bmp"),
        TooManyPixels("png_header_declaring_30000x30000", PngFiles.HeaderOnly(30000, 30000), "image/png"),
        TooManyPixels("decompression_bomb_png_of_64_megapixels", TestImages.FlatPng(8000, 8000), "image/png"),
        TooManyPixels("bmp_header_declaring_30000x30000", BmpHeader(30000, 30000), "image/bmp"),
    ];

    private static MalformedCase Unsupported(string name, byte[] bytes, string contentType = "image/jpeg") =>
        new(name, () => Send.Search(Requests.Raw(bytes, contentType)), UnsupportedMediaType, "image-unsupported");

    private static MalformedCase Corrupt(string name, byte[] bytes, string contentType = "image/jpeg") =>
        new(name, () => Send.Search(Requests.Raw(bytes, contentType)), UnprocessableEntity, "image-corrupt");

    // Sent as a multipart file: the limits apply the same whichever way the image comes.
    private static MalformedCase TooManyPixels(string name, byte[] bytes, string contentType = "image/jpeg") =>
        new(name, () => Send.Search(Requests.SearchForm(bytes, fileName: "big." + contentType.Split('/')[1])), UnprocessableEntity, "image-too-many-pixels");

    /// <summary>An ISO base media file (HEIC, AVIF, MP4): a <c>ftyp</c> box naming <paramref name="brand"/>.</summary>
    private static byte[] IsoMedia(string brand) =>
        [0, 0, 0, 0x18, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(brand), .. "mif1"u8, .. new byte[64]];

    /// <summary>A baseline JPEG start: SOI and a 3-component SOF0 of the given size, then the end marker.</summary>
    private static byte[] Sof(int width, int height)
    {
        byte[] sof = [0xFF, 0xC0, 0, 17, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
        return [0xFF, 0xD8, .. sof, 0xFF, 0xD9];
    }

    /// <summary>A BMP file and info header declaring a 24-bit image, without its pixels.</summary>
    private static byte[] BmpHeader(int width, int height)
    {
        var header = new byte[54];
        "BM"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(2), 54);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(28), 24);
        return header;
    }

    private static byte[] WithByteFlipped(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0xFF;
        return copy;
    }

    /// <summary>The file with a stretch of its middle (compressed pixel data) overwritten by noise.</summary>
    private static byte[] Damaged(byte[] bytes)
    {
        var copy = bytes.ToArray();
        TestImages.Noise(4096, 7).CopyTo(copy, copy.Length / 2);
        return copy;
    }
}
