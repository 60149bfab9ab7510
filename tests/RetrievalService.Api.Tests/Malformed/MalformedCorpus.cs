namespace RetrievalService.Api.Tests.Malformed;

/// <summary>Every malformed request of the corpus, by name.</summary>
internal static class MalformedCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, MalformedCase>> Cases = new(() =>
        SearchBodyCases.All
            .Concat(SearchMultipartCases.All)
            .Concat(SearchParameterCases.All)
            .Concat(FilterCases.All)
            .Concat(ImageBytesCases.All)
            .Concat(IndexFormCases.All)
            .Concat(ImageIdCases.All)
            .Concat(ImagePageCases.All)
            .Concat(ImagePatchCases.All)
            .Concat(HttpLevelCases.All)
            // ToDictionary throws on a repeated name, so no case hides another.
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, MalformedCase> ByName => Cases.Value;

    public static IEnumerable<MalformedCase> All => Cases.Value.Values;
}
