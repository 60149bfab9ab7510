namespace RetrievalService.ModelPipeline.Adapter;

/// <summary>One view of one photo embedded by both networks: student GeM features and the teacher's unit vector.</summary>
public sealed record PairedSample(string PhotoKey, int View, float[] StudentFeatures, float[] TeacherVector);
