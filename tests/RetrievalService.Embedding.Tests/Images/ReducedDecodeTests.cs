using System.Buffers.Binary;
using RetrievalService.Embedding.Images;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Fuzzing.Seeds;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Embedding.Tests.Images;

/// <summary>Formats the decoder cannot reduce are reduced by block means after it, by the same factors as JPEG.</summary>
public sealed class ReducedDecodeTests
{
    private static readonly InputConvention Input = new();

    [Fact]
    public void A_large_png_is_reduced_by_block_means_to_the_smallest_factor_covering_twice_the_side()
    {
        using var image = new Image<Rgba32>(2000, 1500, new Rgba32(10, 200, 30));
        using var prepared = TestImages.Pipeline.Prepare(TestImages.Encode(image, "png"), Input);
        Assert.Equal(new PixelSize(2000, 1500), prepared.SourceSize);
        Assert.Equal(new PixelSize(500, 375), prepared.DecodedSize);
        Assert.Equal((224, 168), (prepared.Tensor.Width, prepared.Tensor.Height));
        var plane = 224 * 168;
        var tensor = prepared.Tensor.Pixels.Span;
        Assert.All(tensor[..plane].ToArray(), r => Assert.Equal(10f, r));
        Assert.All(tensor[plane..(2 * plane)].ToArray(), g => Assert.Equal(200f, g));
    }

    [Fact]
    public void Block_means_round_to_nearest_and_edge_blocks_average_only_what_they_cover()
    {
        // 17 × 2 pixels reduced by 8 (a 3 × 1 result): columns 0–15 alternate 0 and 255, column 16 is 100.
        var pixels = new Rgba32[17 * 2];
        for (var i = 0; i < pixels.Length; i++)
        {
            var x = i % 17;
            var v = x == 16 ? (byte)100 : (byte)(x % 2 == 0 ? 0 : 255);
            pixels[i] = new Rgba32(v, v, v, 255);
        }
        using var image = Image.LoadPixelData<Rgba32>(pixels, 17, 2);
        using var raster = TestImages.Pipeline.Decode(TestImages.Encode(image, "png"), TestImages.White, coverLongerSide: 1);

        Assert.Equal(new PixelSize(3, 1), raster.Size);
        Assert.Equal([new(128, 128, 128), new(128, 128, 128), new Rgb24(100, 100, 100)], TestImages.Pixels(raster));
    }

    [Fact]
    public void A_reduced_png_is_still_turned_upright()
    {
        // Left half red, right half blue, stored sideways (orientation 6: turn 90° clockwise to view).
        var pixels = new Rgba32[2000 * 1000];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = i % 2000 < 1000 ? new Rgba32(255, 0, 0) : new Rgba32(0, 0, 255);
        }
        using var image = Image.LoadPixelData<Rgba32>(pixels, 2000, 1000);
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);

        using var raster = TestImages.Pipeline.Decode(TestImages.Encode(image, "png"), TestImages.White, coverLongerSide: 224);

        Assert.Equal(new PixelSize(250, 500), raster.Size);
        var upright = TestImages.Pixels(raster);
        Assert.Equal(new Rgb24(255, 0, 0), upright[0]);                      // stored left is now the top
        Assert.Equal(new Rgb24(0, 0, 255), upright[^1]);                     // stored right is now the bottom
    }

    [Fact]
    public void A_jpeg_whose_frame_declares_far_more_pixels_than_its_data_holds_is_corrupt()
    {
        // libjpeg-turbo would decode it "successfully", filling everything past the data with grey.
        var bytes = ScaledJpegTests.Jpeg(160, 120);
        var sof = FindMarker(bytes, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 12000);
        var error = TestImages.Rejection(bytes);
        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
        Assert.Contains("12000×120", error.Message);
    }

    [Fact]
    public void A_jpeg_with_more_scans_than_any_encoder_writes_is_corrupt()
    {
        var bytes = ScaledJpegTests.Jpeg(64, 48);
        var sos = FindMarker(bytes, 0xDA);
        var scan = bytes[sos..^2];
        var many = bytes[..sos].Concat(Enumerable.Repeat(scan, 101).SelectMany(s => s)).Concat(bytes[^2..]).ToArray();
        var error = TestImages.Rejection(many);
        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
        Assert.Contains("scans", error.Message);
    }

    [Fact]
    public void A_progressive_jpeg_whose_coefficients_would_outgrow_the_decode_budget_is_refused_from_its_header()
    {
        // A real progressive 4:4:4 photo whose frame header now claims 4000×4000 (16 MP, within MaxPixels): libjpeg-turbo
        // would hold all 96 MB of its coefficients, over the 64 MB a decode may use.
        var bytes = File.ReadAllBytes(SeedPhotos.Resolve(SeedPhotos.DefaultDebsDirectory(), SeedPhotos.Progressive));
        var sof = FindMarker(bytes, 0xC2);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), 4000);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), 4000);

        var error = TestImages.Rejection(bytes);

        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("progressive", error.Message);
        using var original = TestImages.Pipeline.Prepare(File.ReadAllBytes(SeedPhotos.Resolve(
            SeedPhotos.DefaultDebsDirectory(), SeedPhotos.Progressive)), Input);
        Assert.Equal("JPEG", original.Format);
    }

    private static int FindMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i < jpeg.Length - 1; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"no 0xFF{marker:X2} marker");
    }
}
