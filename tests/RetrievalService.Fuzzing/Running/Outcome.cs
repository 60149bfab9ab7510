namespace RetrievalService.Fuzzing.Running;

/// <summary>What the code under test did with one input.</summary>
public enum Outcome
{
    /// <summary>Returned a result.</summary>
    Decoded,

    /// <summary>Threw <c>ImageRejectedException</c>: the only acceptable failure.</summary>
    Rejected,

    /// <summary>Threw anything else: a bug.</summary>
    Failed,

    /// <summary>Killed the process (reported by the bench's supervisor, never by the in-process runner).</summary>
    Crashed,

    /// <summary>Made no progress within the supervisor's hang limit and was killed.</summary>
    Hung,
}
