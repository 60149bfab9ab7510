namespace RetrievalService.TestSupport;

/// <summary>
/// Ten distinct real photos from the Debian photo pool (<c>scripts/fetch-photos.sh</c> unpacks it under
/// <c>data/sources/debs</c>): scenes, animals, faces and objects, camera-sized JPEGs and PNGs, so that nearest neighbours
/// are meaningful and a run decodes what a gallery really holds.
/// </summary>
public static class TestPhotos
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

    /// <summary>Each photo's id and absolute path; a missing photo fails the test with the command that fetches it.</summary>
    public static IReadOnlyList<(string Id, string Path)> All { get; } =
        [.. Files.Select(f => (f.Id, RepoPaths.RequireFile(Path.Combine(RepoPaths.Debs, f.Path))))];
}
