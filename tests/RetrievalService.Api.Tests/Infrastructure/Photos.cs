namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>The ten test photos (<see cref="TestPhotos"/>) as bytes, read once.</summary>
internal static class Photos
{
    private static readonly Lazy<IReadOnlyList<(string Id, byte[] Bytes)>> Loaded =
        new(() => [.. TestPhotos.All.Select(p => (p.Id, File.ReadAllBytes(p.Path)))]);

    public static IReadOnlyList<(string Id, byte[] Bytes)> All => Loaded.Value;

    public static byte[] Get(string id) => All.Single(p => p.Id == id).Bytes;
}
