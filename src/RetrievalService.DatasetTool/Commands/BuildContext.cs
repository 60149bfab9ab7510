namespace RetrievalService.DatasetTool.Commands;

/// <summary>Parsed options of one <c>build</c> run.</summary>
internal sealed record BuildContext(string Dataset, string DataDir, string OutDir, int Seed, int Workers)
{
    public string DebsDir => Path.Combine(DataDir, "sources", "debs");

    public string SourcesDir => Path.Combine(DataDir, "sources");
}
