using RetrievalService.DecodeBench;
using RetrievalService.DecodeBench.Commands;

// Tables go to stdout (and --markdown); progress goes to stderr.
var settings = BenchSettings.Parse(args);
return settings.Mode switch
{
    "images" => ImagesCommand.Run(settings),
    "decoders" => DecodersCommand.Run(settings),
    AgreementCommand.Mode => AgreementCommand.Run(settings),
    WorkerCommand.Mode => WorkerCommand.Run(settings),
    _ => throw new ArgumentException($"Unknown mode '{settings.Mode}'; use images, decoders or agreement."),
};
