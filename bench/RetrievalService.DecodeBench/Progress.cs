namespace RetrievalService.DecodeBench;

/// <summary>Timestamped progress lines on stderr, so stdout stays the result.</summary>
internal static class Progress
{
    public static void Report(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
