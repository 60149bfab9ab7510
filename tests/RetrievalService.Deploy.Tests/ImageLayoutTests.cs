using System.Text.RegularExpressions;

namespace RetrievalService.Deploy.Tests;

/// <summary>What the container image's runtime stage must hold for the API to find its own files.</summary>
public sealed partial class ImageLayoutTests
{
    [Fact]
    public void The_API_starts_in_its_own_folder_so_that_its_settings_and_web_page_are_found()
    {
        // ASP.NET Core takes the content root (appsettings.json, wwwroot/) from the working directory.
        var runtime = RuntimeStage(File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile")));
        var workdir = WorkDirectory().Matches(runtime).Last().Groups["dir"].Value;
        var entrypoint = EntryPoint().Match(runtime).Groups["exe"].Value;

        Assert.Equal(Path.GetDirectoryName(entrypoint), workdir.TrimEnd('/'));
    }

    private static string RuntimeStage(string dockerfile) => dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

    [GeneratedRegex(@"^WORKDIR\s+(?<dir>\S+)", RegexOptions.Multiline)]
    private static partial Regex WorkDirectory();

    [GeneratedRegex(@"^ENTRYPOINT\s+\[""(?<exe>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex EntryPoint();
}
