using Microsoft.Extensions.Options;
using RetrievalService.Embedding.Inference;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Indexer.Sources;
using RetrievalService.Storage.Errors;

namespace RetrievalService.Indexer.Hosting;

/// <summary>Turns the failures a user can act on into one stderr line and an <see cref="ExitCodes"/> value.</summary>
internal static class CommandErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Cancelled, "interrupted; batches reported as stored are kept, rerun to resume.");
        }
        catch (Exception e) when (e is OptionsValidationException or ModelRejectedException or InvalidModelManifestException
            or FileNotFoundException or DirectoryNotFoundException or ManifestFormatException or UnknownModelException
            or DimensionMismatchException or InvalidGalleryItemException)
        {
            return Fail(ExitCodes.InputError, e.Message);
        }
        catch (Exception e) when (e is GalleryStoreException or Npgsql.NpgsqlException or DatabaseSetupException)
        {
            return Fail(ExitCodes.DatabaseError, $"database error: {e.Message}");
        }
    }

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"indexer: {message}");
        return code;
    }
}
