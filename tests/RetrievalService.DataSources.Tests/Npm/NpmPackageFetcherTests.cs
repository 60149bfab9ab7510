using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using RetrievalService.DataSources.Npm;

namespace RetrievalService.DataSources.Tests.Npm;

public sealed class NpmPackageFetcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("npm-fetch-").FullName;

    [Fact]
    public void Tarball_urls_follow_the_registry_layout_for_plain_and_scoped_names()
    {
        Assert.Equal("https://registry.npmjs.org/nsfwjs/-/nsfwjs-4.4.0.tgz",
            NsfwjsSource.Package.TarballUri("https://registry.npmjs.org/").ToString());
        Assert.Equal("http://mirror/@tensorflow/tfjs-core/-/tfjs-core-4.22.0.tgz",
            new NpmPackage("@tensorflow/tfjs-core", "4.22.0", "sha512-x").TarballUri("http://mirror").ToString());
    }

    [Fact]
    public async Task A_verified_package_is_extracted_once_and_then_reused_without_network()
    {
        var tarball = MakeTarball(("package/package.json", "{}"), ("package/dist/a.js", "x"));
        var package = new NpmPackage("demo", "1.0.0", await IntegrityOf(tarball));
        var handler = new CountingHandler(tarball);
        var fetcher = new NpmPackageFetcher(new HttpClient(handler));

        var first = await fetcher.FetchAsync(package, _dir, CancellationToken.None);
        var second = await fetcher.FetchAsync(package, _dir, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal("x", File.ReadAllText(Path.Combine(first, "dist", "a.js")));
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task A_tarball_with_the_wrong_digest_is_rejected_and_deleted()
    {
        var tarball = MakeTarball(("package/package.json", "{}"));
        var package = new NpmPackage("demo", "1.0.0", "sha512-" + Convert.ToBase64String(new byte[64]));
        var fetcher = new NpmPackageFetcher(new HttpClient(new CountingHandler(tarball)));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => fetcher.FetchAsync(package, _dir, CancellationToken.None));

        Assert.Contains("does not match", error.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "demo-1.0.0.tgz")));
        Assert.False(Directory.Exists(Path.Combine(_dir, "demo-1.0.0")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] MakeTarball(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip))
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
                });
            }
        }
        return buffer.ToArray();
    }

    private async Task<string> IntegrityOf(byte[] bytes)
    {
        var path = Path.Combine(_dir, "probe.bin");
        await File.WriteAllBytesAsync(path, bytes);
        var integrity = await Sha512Integrity.OfFileAsync(path, CancellationToken.None);
        File.Delete(path);
        return integrity;
    }

    private sealed class CountingHandler(byte[] body) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
        }
    }
}
