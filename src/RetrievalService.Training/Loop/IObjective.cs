namespace RetrievalService.Training.Loop;

/// <summary>A loss over a batch of <typeparamref name="T"/> (tuples or images) that runs forward and backward.</summary>
internal interface IObjective<T>
{
    /// <summary>Student images that one item runs forward and backward.</summary>
    int StudentImages(T item);

    /// <summary>
    /// Accumulates the gradient of the batch loss into the student's parameters and returns the loss. Each
    /// call owns its dispose scopes; the caller zeroes gradients before and steps the optimizer after.
    /// </summary>
    double Backward(IReadOnlyList<T> batch, Random augment);
}
