using RetrievalService.DatasetTool.PhotoViews;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class PhotoFamiliesTests
{
    [Theory]
    [InlineData("mate-backgrounds/usr/share/backgrounds/mate/abstract/Elephants.jpg", "mate-backgrounds/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg")]
    [InlineData("mate-backgrounds/usr/share/backgrounds/mate/desktop/Ubuntu-Mate-Dark-no-logo.png", "mate-backgrounds/usr/share/backgrounds/mate/desktop/Ubuntu-Mate-Warm-no-logo.png")]
    [InlineData("lxqt-themes/usr/share/lxqt/wallpapers/origami-dark.png", "lxqt-themes/usr/share/lxqt/wallpapers/lxqt-origami-green.png")]
    [InlineData("lxqt-themes/usr/share/lxqt/wallpapers/waves-logo.png", "lxqt-themes/usr/share/lxqt/wallpapers/waves-purple-logo.jpg")]
    public void Variants_of_one_design_are_one_family(string a, string b) =>
        Assert.Equal(PhotoFamilies.Family(a), PhotoFamilies.Family(b));

    [Fact]
    public void A_wallpaper_named_by_its_resolution_takes_its_folder_name() =>
        Assert.Equal("altai", PhotoFamilies.Family("plasma-workspace-wallpapers/usr/share/wallpapers/Altai/contents/images/5120x2880.png"));

    [Fact]
    public void Different_photos_are_different_families() =>
        Assert.NotEqual(
            PhotoFamilies.Family("lxqt-themes/usr/share/lxqt/wallpapers/butterfly.png"),
            PhotoFamilies.Family("lxqt-themes/usr/share/lxqt/wallpapers/Butterfly-Kenneth-Wimer.jpg"));
}
