using Spectre.Console;
using Spectre.Console.Rendering;

namespace RetrievalService.Indexer.Reporting;

/// <summary>Images per second since the run started (Spectre's speed column assumes bytes).</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
        var rate = seconds > 0 ? task.Value / seconds : 0;
        return new Markup(FormattableString.Invariant($"[blue]{rate,7:0.0} img/s[/]"));
    }
}
