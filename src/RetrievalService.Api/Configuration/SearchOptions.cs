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
    /// <c>expand</c> overrides it. 3, chosen on photoviews' val split by the teacher's own score, lifts the student's
    /// asymmetric Medium mAP on photoviews' test split from 70.9 to 76.8 (docs/results/students/README.md).
    /// </summary>
    [Range(0, AlphaQueryExpansion.MaxNeighbours)]
    public int QueryExpansion { get; set; } = 3;

    /// <summary>α of the expansion: each neighbour weighs its similarity to the query to this power.</summary>
    [Range(0.0, 100.0)]
    public double QueryExpansionAlpha { get; set; } = AlphaQueryExpansion.DefaultAlpha;
}
