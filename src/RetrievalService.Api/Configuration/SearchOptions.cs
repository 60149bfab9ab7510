using System.ComponentModel.DataAnnotations;
using RetrievalService.Embedding.Retrieval;

namespace RetrievalService.Api.Configuration;

/// <summary>How <c>/search</c> ranks the gallery when the request does not say.</summary>
public sealed class SearchOptions
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string SectionName = "Search";

    /// <summary>
    /// αQE neighbours folded into each query before the final search (0 turns expansion off); a request's
    /// <c>expand</c> overrides it. Off by default: with the default query model it did not help on real photographs'
    /// validation split and cost a little on pairs (docs/results/real-photos/README.md); <c>expand=3</c> still helps
    /// partial views of one photo.
    /// </summary>
    [Range(0, AlphaQueryExpansion.MaxNeighbours)]
    public int QueryExpansion { get; set; }

    /// <summary>α of the expansion: each neighbour weighs its similarity to the query to this power.</summary>
    [Range(0.0, 100.0)]
    public double QueryExpansionAlpha { get; set; } = AlphaQueryExpansion.DefaultAlpha;
}
