using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace RetrievalService.Indexing.Tests.Infrastructure;

/// <summary>Small, distinct, real images (PNG and JPEG) and broken files, written to a temporary folder.</summary>
public sealed class TestImages : IDisposable
{
    public TestImages()
    {
        Folder = Path.Combine(Path.GetTempPath(), "indexing-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Writes an image of random colour blocks (distinct per <paramref name="seed"/>) at <paramref name="relativePath"/>.</summary>
    public string Image(string relativePath, int seed, int width = 80, int height = 64)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var random = new Random(seed);
        using var image = new Image<Rgb24>(width, height);
        var blocks = Enumerable.Range(0, 16).Select(_ => new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))).ToArray();
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = blocks[(y * 4 / rows.Height * 4) + (x * 4 / row.Length)];
                }
            }
        });
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            image.SaveAsPng(path);
        }
        else
        {
            image.SaveAsJpeg(path);
        }
        return path;
    }

    /// <summary>Writes <paramref name="count"/> images <c>img-00.png</c>… (seeds from <paramref name="firstSeed"/>).</summary>
    public IReadOnlyList<string> Images(int count, string folder = "", int firstSeed = 1) =>
        Enumerable.Range(0, count).Select(i => Image(Path.Combine(folder, $"img-{i:D2}.png"), firstSeed + i)).ToList();

    /// <summary>Writes raw bytes, e.g. a corrupt image.</summary>
    public string Bytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A valid PNG cut in the middle of its pixel data: recognised, but damaged.</summary>
    public string TruncatedPng(string relativePath)
    {
        var full = Image(relativePath, seed: 999, width: 200, height: 160);
        var bytes = File.ReadAllBytes(full);
        File.WriteAllBytes(full, bytes[..(bytes.Length / 2)]);
        return full;
    }

    /// <summary>A symbolic link at <paramref name="relativePath"/> to <paramref name="target"/> (absolute, or relative to the link).</summary>
    public string Link(string relativePath, string target)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>A sparse file of <paramref name="length"/> bytes: as large as wanted, without taking the disk space.</summary>
    public string Sparse(string relativePath, long length)
    {
        var path = Path.Combine(Folder, relativePath);
        using var file = File.Create(path);
        file.SetLength(length);
        return path;
    }

    /// <summary>A FIFO (named pipe) that nothing writes to: opening it the usual way waits forever.</summary>
    public string Fifo(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Takes every permission from a file or folder of this tree (<c>""</c>: the tree itself) until the result is disposed.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public IDisposable Locked(string relativePath = "")
    {
        var path = Path.Combine(Folder, relativePath);
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, UnixFileMode.None);
        return new Restore(() => File.SetUnixFileMode(path, mode));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed by a test may still hold a file for a moment; the temp folder is disposable.
        }
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
