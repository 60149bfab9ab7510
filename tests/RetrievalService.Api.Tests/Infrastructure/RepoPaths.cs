using RetrievalService.Storage;

namespace RetrievalService.Api.Tests.Infrastructure;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = LocalDatabase.FindRepositoryRoot(AppContext.BaseDirectory);

    public static string Models => Path.Combine(Root, "models");

    public static string Debs => Path.Combine(Root, "data", "sources", "debs");
}
