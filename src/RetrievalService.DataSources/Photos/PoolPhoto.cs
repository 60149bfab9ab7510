namespace RetrievalService.DataSources.Photos;

/// <summary>One image of the photo pool, with the Debian package it came from.</summary>
/// <param name="Package">Debian package name.</param>
/// <param name="Path">Absolute path of the unpacked file.</param>
/// <param name="Key">Stable, machine-independent name: <c>package/relative/path</c>.</param>
/// <param name="HeldOut">True for photos never used to fit anything (evaluation only).</param>
public sealed record PoolPhoto(string Package, string Path, string Key, bool HeldOut);
