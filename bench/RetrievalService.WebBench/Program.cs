using System.CommandLine;
using RetrievalService.WebBench.Commands;

// The web page against a running API, in headless chromium: Markdown on stdout, progress on stderr.
var root = new RootCommand("On-device query embedding against the server's, and the page's screenshots (docs/results/web, docs/web.md).")
{
    CompareCommand.Create(),
    ScreenshotsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
