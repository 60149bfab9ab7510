namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>
/// Ten distinct real photos from the Debian photo pool (<c>scripts/fetch-photos.sh</c> unpacks it under
/// <c>data/sources/debs</c>): scenes, animals, faces and objects, so that nearest neighbours are meaningful.
/// </summary>
internal static class Photos
{
    private static readonly (string Id, string Path)[] Files =
    [
        ("astronaut", "python3-skimage/usr/lib/python3/dist-packages/skimage/data/astronaut.png"),
        ("chelsea", "python3-skimage/usr/lib/python3/dist-packages/skimage/data/chelsea.png"),
        ("coffee", "python3-skimage/usr/lib/python3/dist-packages/skimage/data/coffee.png"),
        ("rocket", "python3-skimage/usr/lib/python3/dist-packages/skimage/data/rocket.jpg"),
        ("motorcycle", "python3-skimage/usr/lib/python3/dist-packages/skimage/data/motorcycle_left.png"),
        ("fruits", "opencv-doc/usr/share/doc/opencv-doc/examples/data/fruits.jpg"),
        ("baboon", "opencv-doc/usr/share/doc/opencv-doc/examples/data/baboon.jpg"),
        ("home", "opencv-doc/usr/share/doc/opencv-doc/examples/data/home.jpg"),
        ("squirrel", "opencv-doc/usr/share/doc/opencv-doc/examples/data/squirrel_cls.jpg"),
        ("grace-hopper", "python-matplotlib-data/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg"),
    ];

    private static readonly Lazy<IReadOnlyList<(string Id, byte[] Bytes)>> Loaded = new(Load);

    public static IReadOnlyList<(string Id, byte[] Bytes)> All => Loaded.Value;

    public static byte[] Get(string id) => All.Single(p => p.Id == id).Bytes;

    private static IReadOnlyList<(string Id, byte[] Bytes)> Load()
    {
        var missing = Files.Select(f => Path.Combine(RepoPaths.Debs, f.Path)).Where(p => !File.Exists(p)).ToList();
        Assert.True(missing.Count == 0, $"Photo pool files are missing ({string.Join(", ", missing)}): run scripts/fetch-photos.sh.");
        return Files.Select(f => (f.Id, File.ReadAllBytes(Path.Combine(RepoPaths.Debs, f.Path)))).ToList();
    }
}
