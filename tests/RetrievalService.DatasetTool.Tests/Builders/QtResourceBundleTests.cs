using System.Buffers.Binary;
using System.Text;
using RetrievalService.DataSources.Qt;
using RetrievalService.DatasetTool.Distractors;
using RetrievalService.Evaluation.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.DatasetTool.Tests.Builders;

public sealed class QtResourceBundleTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Files_of_nested_folders_come_back_with_their_paths_and_bytes(int version)
    {
        var files = new[]
        {
            new RccWriter.Entry("gcompris/src/activities/erase/resource/alpaca.webp", Bytes("alpaca")),
            new RccWriter.Entry("gcompris/src/activities/erase/Erase.qml", Bytes("import QtQuick")),
            new RccWriter.Entry("gcompris/src/activities/details/resource/image/Taj_Mahal.webp", Bytes("taj")),
            new RccWriter.Entry("top.txt", []),
        };

        var read = QtResourceBundle.Read(RccWriter.Write(files, version), []);

        // Tree order: each folder's entries sorted by name, depth first.
        Assert.Equal(
            [
                "gcompris/src/activities/details/resource/image/Taj_Mahal.webp",
                "gcompris/src/activities/erase/Erase.qml",
                "gcompris/src/activities/erase/resource/alpaca.webp",
                "top.txt",
            ],
            read.Select(f => f.Path));
        Assert.All(read, f => Assert.Equal(files.Single(e => e.Path == f.Path).Content, f.Content));
    }

    [Fact]
    public void Zlib_compressed_files_are_inflated_and_zstd_ones_are_reported_not_returned()
    {
        var text = Bytes(string.Concat(Enumerable.Repeat("compressible ", 200)));
        var files = new[]
        {
            new RccWriter.Entry("a/plain.txt", Bytes("plain")),
            new RccWriter.Entry("a/zlib.txt", RccWriter.QCompress(text), RccWriter.Zlib),
            new RccWriter.Entry("a/zstd.txt", Bytes("not really zstd"), RccWriter.Zstd),
        };
        var unsupported = new List<string>();

        var read = QtResourceBundle.Read(RccWriter.Write(files), unsupported);

        Assert.Equal(["a/plain.txt", "a/zlib.txt"], read.Select(f => f.Path));
        Assert.Equal(text, read[1].Content);
        var reason = Assert.Single(unsupported);
        Assert.Contains("a/zstd.txt", reason);
        Assert.Contains("zstd", reason);
    }

    [Fact]
    public void Every_truncation_and_a_wrong_header_are_refused_as_invalid_data()
    {
        var bundle = RccWriter.Write([new("x/y.webp", Bytes("image bytes")), new("x/z.qml", RccWriter.QCompress(Bytes("qml")), RccWriter.Zlib)]);
        Assert.Equal(2, QtResourceBundle.Read(bundle, []).Count);

        // Cut anywhere, the reader must say the bundle is damaged, never index out of range or return less.
        for (var length = 0; length < bundle.Length; length++)
        {
            var cut = bundle[..length];
            var error = Assert.Throws<InvalidDataException>(() => QtResourceBundle.Read(cut, []));
            Assert.Contains(length < 20 ? "qres" : "Qt resource bundle", error.Message);
        }
        var png = bundle.ToArray();
        Encoding.ASCII.GetBytes("\x89PNG").CopyTo(png, 0);
        Assert.Contains("does not start with 'qres'", Assert.Throws<InvalidDataException>(() => QtResourceBundle.Read(png, [])).Message);
        var future = bundle.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(future.AsSpan(4), 4);
        Assert.Contains("version 4", Assert.Throws<InvalidDataException>(() => QtResourceBundle.Read(future, [])).Message);
    }

    [Fact]
    public void A_tree_that_points_back_at_a_folder_is_refused()
    {
        var bundle = RccWriter.Write([new("a/b.txt", Bytes("b"))]);
        var tree = BinaryPrimitives.ReadInt32BigEndian(bundle.AsSpan(8));
        // The root's first child is node 1 (folder "a"); make "a"'s first child the root again.
        BinaryPrimitives.WriteInt32BigEndian(bundle.AsSpan(tree + 22 + 10), 0);

        var error = Assert.Throws<InvalidDataException>(() => QtResourceBundle.Read(bundle, []));
        Assert.Contains("reached twice", error.Message);
    }

    [Theory]
    [InlineData(int.MaxValue, 1)]
    [InlineData(2, int.MaxValue)]
    [InlineData(-1, 1)]
    public void A_folder_claiming_more_children_than_the_bundle_holds_is_refused(int count, int first)
    {
        var bundle = RccWriter.Write([new("a/b.txt", Bytes("b"))]);
        var tree = BinaryPrimitives.ReadInt32BigEndian(bundle.AsSpan(8));
        BinaryPrimitives.WriteInt32BigEndian(bundle.AsSpan(tree + 6), count);
        BinaryPrimitives.WriteInt32BigEndian(bundle.AsSpan(tree + 10), first);

        var error = Assert.Throws<InvalidDataException>(() => QtResourceBundle.Read(bundle, []));
        Assert.Contains("impossible child range", error.Message);
    }

    [Fact]
    public void Unpacked_images_land_in_a_folder_named_after_the_bundle_where_add_distractors_finds_them()
    {
        var webp = new MemoryStream();
        using (var red = new Image<Rgb24>(96, 80, new Rgb24(200, 40, 10)))
        {
            red.SaveAsWebp(webp);
        }
        var bundle = temp.Combine("erase.rcc");
        File.WriteAllBytes(bundle, RccWriter.Write([new("gcompris/erase/alpaca.webp", webp.ToArray()), new("gcompris/erase/Erase.qml", Bytes("qml"))]));
        var outDir = temp.Combine("unpacked");
        Directory.CreateDirectory(Path.Combine(outDir, "erase", "stale"));

        var written = QtResourceUnpacker.Unpack(bundle, outDir, []);

        Assert.Equal(2, written);
        Assert.False(Directory.Exists(Path.Combine(outDir, "erase", "stale")), "the bundle's folder is replaced, not merged");
        var found = DistractorSources.Find([outDir], []);
        var image = Assert.Single(found);
        Assert.Equal("gallery/distractors/unpacked/erase/gcompris/erase/alpaca.jpg", image.Name);
        var decoded = Image.Identify(image.SourcePath);
        Assert.Equal((96, 80), (decoded.Width, decoded.Height));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    public void A_path_that_leaves_the_bundle_folder_is_refused_before_anything_is_written(string path)
    {
        var bundle = temp.Combine("evil.rcc");
        File.WriteAllBytes(bundle, RccWriter.Write([new("a/fine.txt", Bytes("fine")), new(path, Bytes("escape"))]));
        var outDir = temp.Combine("unpacked");

        var error = Assert.Throws<InvalidDataException>(() => QtResourceUnpacker.Unpack(bundle, outDir, []));

        Assert.Contains("outside", error.Message);
        Assert.False(File.Exists(temp.Combine("escape.txt")));
        Assert.False(File.Exists(Path.Combine(outDir, "escape.txt")));
        Assert.False(Directory.Exists(Path.Combine(outDir, "evil")), "nothing of a refused bundle is written");
    }

    [Fact]
    public void A_damaged_bundle_is_named_in_the_error()
    {
        var bundle = temp.Combine("broken.rcc");
        File.WriteAllBytes(bundle, RccWriter.Write([new("a.txt", Bytes("a"))])[..30]);

        var error = Assert.Throws<InvalidDataException>(() => QtResourceUnpacker.Unpack(bundle, temp.Combine("out"), []));

        Assert.StartsWith(bundle, error.Message);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
