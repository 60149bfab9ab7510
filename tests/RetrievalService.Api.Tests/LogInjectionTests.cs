using System.Globalization;
using RetrievalService.Api.Tests.Infrastructure;
using Serilog.Formatting.Display;

namespace RetrievalService.Api.Tests;

/// <summary>What a client puts in a request never starts a line of the service's log.</summary>
public sealed class LogInjectionTests(LoggedApiHost host) : IClassFixture<LoggedApiHost>
{
    private ApiFactory Factory => host.Factory;

    private CollectingLogSink Sink => host.Sink;

    [Fact]
    public async Task A_line_break_in_a_request_path_is_logged_escaped_on_the_request_s_one_line()
    {
        using var client = Factory.CreateClient();

        (await client.GetAsync("/forged%0A[12:00:00%20WRN]%20admin%20key%20created%0D")).Dispose();

        // Rendered as the console renders it: the message with its properties, literal text unquoted.
        var formatter = new MessageTemplateTextFormatter("{Message:lj}", CultureInfo.InvariantCulture);
        var lines = Sink.Events.Select(e =>
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            formatter.Format(e, text);
            return text.ToString();
        }).Where(line => line.Contains("forged", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.Contains("forged\\n[12:00:00 WRN]", line, StringComparison.Ordinal);
        });
    }
}
