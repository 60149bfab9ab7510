namespace RetrievalService.DatasetTool.Output;

/// <summary>Writes split folders (images, then <c>gnd.json</c>) and <c>build.json</c> under a dataset folder.</summary>
public static class DatasetWriter
{
    /// <summary>
    /// Replaces <c>&lt;outDir&gt;/&lt;split&gt;/</c> with the plan's images and ground truth. Images render in parallel;
    /// each job is a pure function of the plan, so thread scheduling cannot change any byte.
    /// </summary>
    public static void WriteSplit(string outDir, SplitPlan plan, int parallelism, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        plan.Truth.Validate();
        var splitDir = Path.Combine(outDir, plan.Split);
        // A previous build with other settings may have left images this plan does not list.
        if (Directory.Exists(splitDir))
        {
            Directory.Delete(splitDir, recursive: true);
        }
        var done = 0;
        Parallel.ForEach(plan.Jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, job =>
        {
            var images = job.Render();
            if (images.Count != job.Names.Count)
            {
                throw new InvalidOperationException($"A job rendered {images.Count} images for {job.Names.Count} names ({job.Names[0]}…).");
            }
            for (var i = 0; i < images.Count; i++)
            {
                var path = Path.Combine(splitDir, job.Names[i]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, images[i]);
            }
            progress?.Report(Interlocked.Add(ref done, images.Count));
        });
        DatasetJson.Write(Path.Combine(splitDir, GroundTruthFile.FileName), plan.Truth);
    }

    /// <summary>Writes <c>build.json</c>.</summary>
    public static void WriteManifest(string outDir, BuildManifest manifest) =>
        DatasetJson.Write(Path.Combine(outDir, BuildManifest.FileName), manifest);
}
