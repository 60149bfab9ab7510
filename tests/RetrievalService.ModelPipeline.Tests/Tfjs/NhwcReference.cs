using RetrievalService.ModelPipeline.Tfjs;

namespace RetrievalService.ModelPipeline.Tests.Tfjs;

/// <summary>Naive NHWC TensorFlow convolution (batch 1) with TF's SAME rule, the converter's independent reference.</summary>
internal static class NhwcReference
{
    public static float[] FusedConv(float[] x, int height, int width, int channels, TfjsTensor filter, float[] bias,
        int stride, bool same, bool depthwise)
    {
        var (kh, kw, fin, fout) = (filter.Shape[0], filter.Shape[1], filter.Shape[2], filter.Shape[3]);
        var outChannels = depthwise ? fin * fout : fout;
        var (padTop, outH) = same ? (TfPadding.Same(height, kh, stride).Begin, (height + stride - 1) / stride) : (0, (height - kh) / stride + 1);
        var (padLeft, outW) = same ? (TfPadding.Same(width, kw, stride).Begin, (width + stride - 1) / stride) : (0, (width - kw) / stride + 1);
        var y = new float[outH * outW * outChannels];
        for (var oy = 0; oy < outH; oy++)
        for (var ox = 0; ox < outW; ox++)
        for (var o = 0; o < outChannels; o++)
        {
            double sum = bias[o];
            for (var ky = 0; ky < kh; ky++)
            for (var kx = 0; kx < kw; kx++)
            {
                int iy = oy * stride + ky - padTop, ix = ox * stride + kx - padLeft;
                if (iy < 0 || iy >= height || ix < 0 || ix >= width)
                {
                    continue;
                }
                var pixel = (iy * width + ix) * channels;
                if (depthwise)
                {
                    var (c, m) = (o / fout, o % fout);
                    sum += x[pixel + c] * filter.Values[((ky * kw + kx) * fin + c) * fout + m];
                }
                else
                {
                    for (var i = 0; i < fin; i++)
                    {
                        sum += x[pixel + i] * filter.Values[((ky * kw + kx) * fin + i) * fout + o];
                    }
                }
            }
            y[(oy * outW + ox) * outChannels + o] = (float)Math.Clamp(sum, 0, 6);
        }
        return y;
    }

    public static float[] ToNchw(float[] nhwc, int height, int width, int channels)
    {
        var nchw = new float[nhwc.Length];
        for (var p = 0; p < height * width; p++)
        for (var c = 0; c < channels; c++)
        {
            nchw[c * height * width + p] = nhwc[p * channels + c];
        }
        return nchw;
    }

    public static float[] ToNhwc(ReadOnlySpan<float> nchw, long[] shape)
    {
        var (channels, area) = ((int)shape[1], (int)(shape[2] * shape[3]));
        var nhwc = new float[nchw.Length];
        for (var c = 0; c < channels; c++)
        for (var p = 0; p < area; p++)
        {
            nhwc[p * channels + c] = nchw[c * area + p];
        }
        return nhwc;
    }
}
