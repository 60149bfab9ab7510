namespace RetrievalService.Evaluation.Metrics;

/// <summary>Easy, Medium and Hard results of one evaluation.</summary>
public sealed record RevisitedResult(ProtocolResult Easy, ProtocolResult Medium, ProtocolResult Hard)
{
    /// <summary>The three results in protocol order.</summary>
    public IEnumerable<ProtocolResult> All => [Easy, Medium, Hard];

    /// <summary>The result of <paramref name="protocol"/>.</summary>
    public ProtocolResult this[Protocol protocol] => protocol switch
    {
        Protocol.Easy => Easy,
        Protocol.Medium => Medium,
        _ => Hard,
    };
}
