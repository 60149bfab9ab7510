using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>Valid but unusual encodings: each must decode to the picture a viewer shows, so the teacher finds the original.</summary>
[Collection(GalleryCollection.Name)]
public sealed class TrickyImageTests(GalleryFixture gallery)
{
    [Fact]
    public async Task An_exif_rotated_jpeg_is_searched_upright_and_finds_its_original()
    {
        var tagged = await TopAsync(TestImages.ExifRotated(Photos.Get("grace-hopper")));
        var untagged = await TopAsync(TestImages.ExifRotated(Photos.Get("grace-hopper"), withTag: false));

        // Upright, the query is the original up to JPEG loss; without the tag it is a sideways picture.
        Assert.Equal("grace-hopper", tagged.Id);
        Assert.True(tagged.Score > 0.97, $"score {tagged.Score}");
        Assert.True(tagged.Score > untagged.Score + 0.02, $"tagged {tagged.Score}, untagged {untagged.Score}");
    }

    [Fact]
    public async Task A_cmyk_jpeg_is_converted_to_rgb_and_finds_its_original()
    {
        var top = await TopAsync(TestImages.Cmyk(Photos.Get("fruits")));

        Assert.Equal("fruits", top.Id);
        Assert.True(top.Score > 0.9, $"score {top.Score}");
    }

    [Fact]
    public async Task A_16_bit_png_is_reduced_to_8_bits_and_finds_its_original()
    {
        var top = await TopAsync(TestImages.Png16Bit(Photos.Get("coffee")));

        Assert.Equal("coffee", top.Id);
        Assert.True(top.Score > 0.99, $"score {top.Score}");
    }

    [Fact]
    public async Task An_animated_gif_is_searched_by_its_first_frame()
    {
        var top = await TopAsync(TestImages.AnimatedGif(Photos.Get("baboon")));

        Assert.Equal("baboon", top.Id);
    }

    private async Task<SearchResult> TopAsync(byte[] image) =>
        (await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(gallery.Client, image, "?mode=symmetric&k=1"))).Results[0];
}
