namespace RetrievalService.ModelPipeline.Quantization;

/// <summary>What a quantization did, and how closely the int8 model reproduces the float one on unseen images.</summary>
public sealed record QuantizationReport(
    int QuantizedNodes,
    int FoldedActivations,
    int FoldedBatchNorms,
    int QuantizedTensors,
    int CalibrationImages,
    int AgreementImages,
    double AgreementMeanCosine,
    double AgreementMinCosine);
