namespace RetrievalService.DecodeBench.Legacy;

/// <summary>
/// The old byte-length and header-dimension checks. The old code threw <c>ImageRejectedException</c> with a reason;
/// here the same messages come as <see cref="InvalidDataException"/>, since only the tensor and the cost matter.
/// </summary>
internal static class InputChecks
{
    public static void CheckByteLength(int length, LegacyDecodeLimits limits)
    {
        if (length == 0)
        {
            throw new InvalidDataException("The image is empty: send the file's bytes as the request body.");
        }
        if (length > limits.MaxBytes)
        {
            throw new InvalidDataException($"The image is {length} bytes; the limit is {limits.MaxBytes} bytes.");
        }
    }

    public static void CheckDimensions(int width, int height, string format, LegacyDecodeLimits limits)
    {
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"The {format} header declares {width}×{height} pixels; re-export the image.");
        }
        if (width > limits.MaxWidth || height > limits.MaxHeight)
        {
            throw new InvalidDataException(
                $"The {format} image is {width}×{height} px; the limits are {limits.MaxWidth} px wide and {limits.MaxHeight} px tall.");
        }
        var pixels = (long)width * height;
        if (pixels > limits.MaxPixels)
        {
            throw new InvalidDataException($"The {format} image has {pixels} pixels; the limit is {limits.MaxPixels}.");
        }
    }
}
