namespace RetrievalService.DataSources.Npm;

/// <summary>
/// An npm package pinned by version and by its registry <c>dist.integrity</c>
/// (<c>npm view name@version dist.integrity</c>, a Subresource-Integrity string "sha512-&lt;base64&gt;").
/// </summary>
public sealed record NpmPackage(string Name, string Version, string Integrity)
{
    /// <summary>Folder and tarball stem, e.g. <c>nsfwjs-4.4.0</c>; a scope becomes a prefix without the '@'.</summary>
    public string Stem => $"{Name.TrimStart('@').Replace('/', '-')}-{Version}";

    /// <summary>
    /// Registry tarball URL. Scoped packages keep the scope in the path but not in the file name
    /// (<c>@scope/pkg/-/pkg-1.0.0.tgz</c>), as the registry serves them.
    /// </summary>
    public Uri TarballUri(string registryBase)
    {
        var unscoped = Name[(Name.LastIndexOf('/') + 1)..];
        return new Uri($"{registryBase.TrimEnd('/')}/{Name}/-/{unscoped}-{Version}.tgz");
    }
}
