namespace RetrievalService.DatasetTool.RealShots;

/// <summary>One photograph of an instance that was photographed two or more times.</summary>
/// <param name="Instance">The instance it shows (a building, a person, a product…).</param>
/// <param name="Source">Where it comes from: <c>debian:&lt;package&gt;</c> or <c>npm:&lt;name&gt;@&lt;version&gt;</c>.</param>
/// <param name="Path">The file on this machine.</param>
/// <param name="Hard">Marked hard in the list: seen from another side, at night, mostly hidden, far away. A pair of
/// shots is a hard positive when either is.</param>
public sealed record Shot(string Instance, string Source, string Path, bool Hard);
