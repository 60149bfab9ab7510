namespace RetrievalService.ScaleBench;

/// <summary>Progress lines on stderr, so that stdout holds only the Markdown results.</summary>
internal static class Progress
{
    public static void Say(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}
