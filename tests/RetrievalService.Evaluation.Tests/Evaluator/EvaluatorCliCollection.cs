namespace RetrievalService.Evaluation.Tests.Evaluator;

/// <summary>
/// The evaluator runs in-process and shows progress through Spectre.Console, whose live displays are
/// exclusive per process: two CLI runs from parallel test classes would collide ("interactive functions
/// concurrently"). Every class that runs the CLI joins this collection, so they run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EvaluatorCliCollection
{
    public const string Name = "Evaluator CLI";
}
