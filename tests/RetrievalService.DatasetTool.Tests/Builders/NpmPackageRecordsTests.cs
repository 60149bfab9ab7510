using RetrievalService.DatasetTool.Output;
using RetrievalService.DatasetTool.Sources;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class NpmPackageRecordsTests : IDisposable
{
    private readonly string sources = Directory.CreateTempSubdirectory("npm-records-").FullName;

    public void Dispose() => Directory.Delete(sources, recursive: true);

    [Fact]
    public void A_folder_inside_a_fetched_package_is_recorded_with_its_name_version_and_integrity()
    {
        var photos = Extracted("@scope/demo-photos", "1.2.3", "sha512-abc==", "package/dist/img");
        var other = Extracted("zeta-gallery", "0.0.9", "sha512-xyz==", "package/assets");
        var debian = Directory.CreateDirectory(Path.Combine(sources, "debs", "scratch", "usr")).FullName;

        var records = NpmPackageRecords.Of(sources, [other, photos, Path.Combine(photos, "sub"), debian]);

        Assert.Equal(
            [new SourceRecord("npm", "@scope/demo-photos", "1.2.3", "sha512-abc=="), new SourceRecord("npm", "zeta-gallery", "0.0.9", "sha512-xyz==")],
            records);
    }

    [Fact]
    public void Debian_packages_come_first_then_npm_packages_each_once()
    {
        var npm = Extracted("tabler-ui", "0.0.34", "sha512-abc==", "package/dist/demo/photos");
        var doc = Directory.CreateDirectory(Path.Combine(sources, "debs", "scratch", "usr", "share", "doc", "scratch")).FullName;
        using (var changelog = new System.IO.Compression.GZipStream(File.Create(Path.Combine(doc, "changelog.Debian.gz")), System.IO.Compression.CompressionLevel.Fastest))
        {
            changelog.Write("scratch (1.4.0.6~dfsg-6) unstable; urgency=medium\n"u8);
        }
        var backgrounds = Directory.CreateDirectory(Path.Combine(sources, "debs", "scratch", "usr", "share", "scratch")).FullName;

        var records = SourceFolders.Records(sources, [npm, backgrounds, Path.Combine(backgrounds, "Media"), npm]);

        Assert.Equal(
            [new SourceRecord("debian", "scratch", "1.4.0.6~dfsg-6"), new SourceRecord("npm", "tabler-ui", "0.0.34", "sha512-abc==")],
            records);
    }

    [Fact]
    public void Folders_outside_the_sources_or_without_a_verified_marker_are_not_npm_packages()
    {
        var unverified = Directory.CreateDirectory(Path.Combine(sources, "loose-1.0.0", "package")).FullName;
        File.WriteAllText(Path.Combine(unverified, "package.json"), """{"name":"loose","version":"1.0.0"}""");

        Assert.Empty(NpmPackageRecords.Of(sources, [unverified, Path.GetTempPath(), sources]));
    }

    [Fact]
    public void A_verified_package_without_a_name_is_refused()
    {
        var folder = Extracted("", "1.0.0", "sha512-abc==", "package/img");

        Assert.Throws<InvalidDataException>(() => NpmPackageRecords.Of(sources, [folder]));
    }

    [Fact]
    public void The_fetch_list_reads_pins_and_names_the_line_of_a_malformed_one()
    {
        var list = Path.Combine(sources, "list.txt");
        File.WriteAllText(list, "# photos\n\ntabler-ui 0.0.34 sha512-AAA==  # MIT (LICENSE.md)\n@vladmandic/human  3.3.6\tsha512-BBB==\n");
        Assert.Equal([new NpmPackage("tabler-ui", "0.0.34", "sha512-AAA=="), new NpmPackage("@vladmandic/human", "3.3.6", "sha512-BBB==")],
            NpmPackageList.Read(list));

        File.WriteAllText(list, "tabler-ui 0.0.34 sha512-AAA==\ntabler-ui 0.0.34 md5-x\n");
        var error = Assert.Throws<InvalidDataException>(() => NpmPackageList.Read(list));
        Assert.Contains("list.txt:2", error.Message);
    }

    private string Extracted(string name, string version, string integrity, string imagesFolder)
    {
        var stem = Path.Combine(sources, new NpmPackage(name.Length > 0 ? name : "noname", version, integrity).Stem);
        Directory.CreateDirectory(Path.Combine(stem, "package"));
        File.WriteAllText(Path.Combine(stem, NpmPackageFetcher.IntegrityMarker), integrity);
        File.WriteAllText(Path.Combine(stem, "package", "package.json"), $$"""{"name":"{{name}}","version":"{{version}}"}""");
        return Directory.CreateDirectory(Path.Combine(stem, imagesFolder)).FullName;
    }
}
