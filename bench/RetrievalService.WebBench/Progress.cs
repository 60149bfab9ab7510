using System.Globalization;

namespace RetrievalService.WebBench;

/// <summary>Progress lines on stderr, stamped with the time of day; stdout keeps the results alone.</summary>
internal static class Progress
{
    public static void Line(string message) =>
        Console.Error.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
