using RetrievalService.Storage.Model;

namespace RetrievalService.Storage.Tests.Configuration;

public sealed class GalleryIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("IMG_0001.jpg")]
    [InlineData("paris:louvre:2024 01.jpg")]
    [InlineData("Ünïcode 写真 😀")]
    [InlineData("...a")]
    [InlineData("100%25 off.jpg")]
    [InlineData("a%5Cb")]
    public void Usable_ids_are_accepted(string id) => Assert.Null(GalleryIds.Check(id));

    [Fact]
    public void An_id_of_256_characters_is_accepted_and_257_is_not()
    {
        Assert.Null(GalleryIds.Check(new string('x', 256)));
        Assert.Contains("257", GalleryIds.Check(new string('x', 257)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("tab\tinside")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("50%2Foff.jpg")]
    [InlineData("50%2foff.jpg")]
    public void Ids_that_cannot_be_one_url_segment_are_refused(string id) => Assert.NotNull(GalleryIds.Check(id));

    // Not theory data: xunit's serialisation of test cases replaces a lone surrogate with U+FFFD.
    [Fact]
    public void An_id_with_an_unpaired_surrogate_is_refused() =>
        Assert.Contains("surrogate", GalleryIds.Check("lone\uD800surrogate"), StringComparison.Ordinal);

    [Theory]
    [InlineData("teacher-resnet18-gem", true)]
    [InlineData("teacher@1.0.0+gem", true)]
    [InlineData("teacher resnet", false)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    public void Model_ids_are_restricted_to_a_safe_alphabet(string modelId, bool valid) =>
        Assert.Equal(valid, GalleryIds.CheckModelId(modelId) is null);
}
