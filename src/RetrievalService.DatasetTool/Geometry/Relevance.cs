namespace RetrievalService.DatasetTool.Geometry;

/// <summary>How a gallery image relates to a query under the revisited Oxford/Paris protocol (docs/evaluation.md#protocol-and-metrics).</summary>
public enum Relevance
{
    /// <summary>A different instance: counts against the query when ranked high.</summary>
    Negative,

    /// <summary>Clearly shows the query's content: positive in the Easy and Medium protocols.</summary>
    Easy,

    /// <summary>Shows the query's content only partly or at a very different scale: positive in Medium and Hard.</summary>
    Hard,

    /// <summary>Same instance but too little shared content to judge: removed from every ranking.</summary>
    Junk,
}
