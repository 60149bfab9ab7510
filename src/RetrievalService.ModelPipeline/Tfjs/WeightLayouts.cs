namespace RetrievalService.ModelPipeline.Tfjs;

/// <summary>Re-lays TF convolution filters out for ONNX Conv (row-major throughout).</summary>
public static class WeightLayouts
{
    /// <summary>[kh,kw,in,out] (HWIO) → [out,in,kh,kw] (OIHW).</summary>
    public static float[] HwioToOihw(float[] hwio, int kh, int kw, int inChannels, int outChannels)
    {
        var oihw = new float[hwio.Length];
        for (var y = 0; y < kh; y++)
        for (var x = 0; x < kw; x++)
        for (var i = 0; i < inChannels; i++)
        for (var o = 0; o < outChannels; o++)
        {
            oihw[((o * inChannels + i) * kh + y) * kw + x] = hwio[((y * kw + x) * inChannels + i) * outChannels + o];
        }
        return oihw;
    }

    /// <summary>
    /// Depthwise [kh,kw,C,M] → [C·M,1,kh,kw]. TF numbers output channel c·M + m, which is exactly the order of
    /// ONNX grouped Conv with group = C (group c owns outputs c·M … c·M + M − 1).
    /// </summary>
    public static float[] DepthwiseToOihw(float[] hwcm, int kh, int kw, int channels, int multiplier)
    {
        var result = new float[hwcm.Length];
        for (var y = 0; y < kh; y++)
        for (var x = 0; x < kw; x++)
        for (var c = 0; c < channels; c++)
        for (var m = 0; m < multiplier; m++)
        {
            result[((c * multiplier + m) * kh + y) * kw + x] = hwcm[((y * kw + x) * channels + c) * multiplier + m];
        }
        return result;
    }
}
