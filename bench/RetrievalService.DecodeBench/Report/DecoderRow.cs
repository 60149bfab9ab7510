using RetrievalService.DecodeBench.ImageSet;
using RetrievalService.DecodeBench.Measurement;

namespace RetrievalService.DecodeBench.Report;

/// <summary>One row of the decoder table: a library's timing on a cell, its licence and its distance from ImageSharp.</summary>
internal sealed record DecoderRow(BenchImageSpec Spec, DecoderTiming Timing, string Licence, double MeanAbsoluteDifference);
