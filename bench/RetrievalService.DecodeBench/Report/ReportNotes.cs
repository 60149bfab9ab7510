using System.Globalization;

namespace RetrievalService.DecodeBench.Report;

/// <summary>How the decoder table was measured and how to read each column.</summary>
internal static class ReportNotes
{
    public static string Text(BenchSettings settings) => string.Create(CultureInfo.InvariantCulture, $"""
        ## How it was measured

        - **Set**: `decode-bench images` ({settings.Photos} real photographs per cell, from the Debian photo pool of
          `scripts/fetch-photos.sh`: the first {settings.Photos} JPEGs of at least 8 MP in `lomiri-wallpapers-16.04`, by
          path), centre-cropped to 4:3 and resampled by Skia (2×2 box halvings, then Mitchell cubic; the 48 and 108 MP
          cells are upscaled from 8–16 MP sources), encoded by Skia: JPEG baseline q90 4:2:0, PNG RGB zlib 6, WebP lossy q90.
          These are wallpaper-grade photos, smoothed further by the upscaling: at 0.3–1.1 bits per pixel from 12 MP up
          (table above) they are smaller than phone-camera JPEGs, commonly 2–4 MB at 12 MP (1.3–2.7 bits per pixel). Huffman
          decoding grows with the file and DCT scaling does not shorten it, so on real phone photos the scaled decoders
          (SkiaSharp, NetVips) gain somewhat less over a full decode than here.
        - **Work per image**: encoded bytes in memory → RGB image whose longer side is {settings.LongerSide} (aspect kept).
          ImageSharp: `Image.Load<Rgb24>` at full size, then `Resize` with `KnownResamplers.Bicubic`
          (`MaxDegreeOfParallelism = 1`). SkiaSharp: `SKCodec.Create`, `GetScaledDimensions` for the smallest of 1/8,
          1/4, 1/2 whose longer side is still ≥ {2 * settings.LongerSide} (else full size), `GetPixels` into RGBA8888,
          `SKPixmap.ScalePixels` with `SKCubicResampler.Mitchell`, RGBA → RGB. NetVips: `Image.ThumbnailBuffer`
          (shrink-on-load, then libvips' own Lanczos-3 reduce), operation cache off, concurrency 1, `WriteToMemory`.
          Every library ends with a managed RGB byte array, so copying out is in every time.
        - **Timing**: one thread; each (cell, library) in a fresh process. {settings.Warmups} warm-up rounds over the cell's
          files (and at least {settings.WarmupSeconds} s of them, so tiered JIT has promoted the hot loops), then
          {settings.Repetitions} rounds, round-robin over the files: {settings.Repetitions} × {settings.Photos} samples per row.
          p50 and p99 are nearest-rank over those samples, Stopwatch wall-clock per image. **CPU p50** is the median
          process CPU time per image (`CLOCK_PROCESS_CPUTIME_ID`, every thread of the process): on a shared machine
          it is the steadier figure, since waiting for a core adds wall-clock time but no CPU time.
        - **Decoded at**: the size the library decoded to before resizing (libvips does not report its shrink-on-load factor).
        - **Peak RSS +MiB**: the process's resident-set high-water mark (`VmHWM`) during warm-up and timing, minus the
          resident set just before (the mark is reset through `/proc/self/clear_refs` after loading the library and
          decoding one 640×480 image of the format). Managed and native memory alike, including pools a library keeps.
        - **Managed MiB/img**: `GC.GetTotalAllocatedBytes` over the timed rounds ÷ samples (native allocations not included).
        - **Mean abs Δ vs ImageSharp**: mean absolute difference per channel (0–255) between each library's
          {settings.LongerSide}-px thumbnail and ImageSharp's, over the cell's files. It measures how far the pixels a model
          sees would move (different decoders' IDCT, DCT-domain downscaling, resampling filter), not speed.
        - **Licence**: ImageSharp 2.1.x is Apache-2.0 (3.x and later: Six Labors Split License, paid for commercial use
          above a revenue threshold). SkiaSharp is MIT; native Skia is BSD-3-Clause and its bundled libjpeg-turbo,
          libpng and libwebp are BSD-style/IJG/libpng licences. NetVips is MIT; the native libvips it loads
          (NetVips.Native) is LGPL-3.0 (dynamically linked, its bundled dependencies under their own licences).
        """);
}
