using Microsoft.Extensions.Options;
using RetrievalService.Cli;
using RetrievalService.Indexer.Sources;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Indexer.Hosting;

/// <summary>The indexer's failures on top of every tool's (<see cref="CommandErrors"/>), each with its <see cref="ExitCodes"/> value.</summary>
internal static class IndexerErrors
{
    private const string Tool = "indexer";

    private static readonly CommandFailure BadInput = CommandFailure.Input(e => e is OptionsValidationException or ManifestFormatException or UnusablePathException
        or UnknownModelException or DimensionMismatchException or InvalidGalleryItemException or LiveGalleryException);

    // A refused switch is a GalleryStoreException too, so it must be matched before Database: nothing failed, the
    // gallery is not ready yet.
    private static readonly CommandFailure Incomplete = new(e => e is GalleryIncompleteException, ExitCodes.GalleryIncomplete);

    private static readonly CommandFailure Database = new(e => e is GalleryStoreException or Npgsql.NpgsqlException,
        ExitCodes.DatabaseError, e => $"database error: {e.Message}");

    public static Task<int> GuardAsync(Func<Task<int>> action, CancellationToken cancellationToken)
    {
        var interrupted = new CommandFailure(e => e is OperationCanceledException && cancellationToken.IsCancellationRequested,
            ExitCodes.Cancelled, _ => "interrupted; batches reported as stored are kept, rerun to resume.");
        return new CommandErrors(Tool, interrupted, BadInput, Incomplete, Database).GuardAsync(action);
    }

    public static int Fail(int exitCode, string message) => new CommandErrors(Tool).Fail(exitCode, message);
}
