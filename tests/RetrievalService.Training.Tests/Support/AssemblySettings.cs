// Torch's thread count is process-wide and the machine has two shared cores: run test classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
