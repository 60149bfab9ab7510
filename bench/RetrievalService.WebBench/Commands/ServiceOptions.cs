using System.CommandLine;
using RetrievalService.WebBench.Browser;

namespace RetrievalService.WebBench.Commands;

/// <summary>The running service and the browser every subcommand drives.</summary>
internal sealed class ServiceOptions
{
    public Option<Uri> Url { get; } = new("--url")
    {
        Description = "The running API, e.g. http://127.0.0.1:5098 (its page is served at /).",
        Required = true,
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var url)
            ? url
            : Invalid(result, "--url needs an absolute URL such as http://127.0.0.1:5098."),
    };

    public Option<FileInfo> KeyFile { get; } = new("--key-file")
    {
        Description = "File holding an API key with the search scope (the page keeps it where a user's key goes).",
        Required = true,
    };

    public Option<string> Chromium { get; } = new("--chromium")
    {
        Description = "The chromium executable (default: CHROMIUM_PATH, else Debian's /usr/bin/chromium).",
        DefaultValueFactory = _ => HeadlessChromium.DefaultExecutablePath,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(KeyFile);
        command.Options.Add(Chromium);
    }

    private static Uri? Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return null;
    }

    /// <summary>The key, trimmed; a key file that is missing or empty is the user's to fix.</summary>
    public static string ReadKey(FileInfo file)
    {
        var key = File.ReadAllText(file.FullName).Trim();
        return key.Length > 0 ? key : throw new InvalidDataException($"{file.FullName} is empty; put an API key with the search scope in it.");
    }
}
