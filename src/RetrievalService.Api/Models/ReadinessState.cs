namespace RetrievalService.Api.Models;

/// <summary>What start-up has finished; read by the readiness check.</summary>
public sealed class ReadinessState
{
    private volatile bool modelsLoaded;

    /// <summary>Both models are loaded and verified, and the gallery's teacher was checked.</summary>
    public bool ModelsLoaded
    {
        get => modelsLoaded;
        set => modelsLoaded = value;
    }
}
