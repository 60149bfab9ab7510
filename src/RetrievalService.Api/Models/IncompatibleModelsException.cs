namespace RetrievalService.Api.Models;

/// <summary>
/// The configured models cannot serve searches together: the student does not declare the teacher's space, or the
/// gallery was embedded by another teacher. Thrown at start-up, so the service refuses to run.
/// </summary>
public sealed class IncompatibleModelsException(string message) : Exception(message);
