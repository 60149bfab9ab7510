namespace RetrievalService.DatasetTool.Distractors;

/// <summary>A source file chosen as a distractor and the gallery name it gets in the split.</summary>
/// <param name="SourcePath">The file to read.</param>
/// <param name="Name">Its <c>imlist</c> name, relative to the split folder (always a <c>.jpg</c>).</param>
public sealed record DistractorImage(string SourcePath, string Name);
