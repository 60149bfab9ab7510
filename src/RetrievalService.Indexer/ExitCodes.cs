using RetrievalService.Cli;

namespace RetrievalService.Indexer;

/// <summary>Process exit codes of <c>indexer</c>, documented in docs/indexing.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything given was stored or already up to date.</summary>
    public const int Ok = 0;

    /// <summary>The command line is invalid (System.CommandLine's own code).</summary>
    public const int Usage = 1;

    /// <summary>Configuration or input is unusable: options, teacher model, folder or manifest file.</summary>
    public const int InputError = CommandErrors.InputError;

    /// <summary>The run completed, but some files were rejected (listed on stderr and in the report).</summary>
    public const int SomeRejected = 3;

    /// <summary>The database is unreachable or failed; batches reported as stored before it are kept.</summary>
    public const int DatabaseError = 4;

    /// <summary>
    /// <c>gallery switch</c> was refused: the gallery does not hold exactly the live one's images (counts and some ids on
    /// stderr); nothing was switched. Not an input error: indexing the rest and switching again succeeds.
    /// </summary>
    public const int GalleryIncomplete = 5;

    /// <summary>Interrupted (Ctrl+C or SIGTERM); batches reported as stored are kept, a rerun resumes.</summary>
    public const int Cancelled = CommandErrors.Interrupted;
}
