namespace RetrievalService.Api.Errors;

/// <summary>
/// A request the API refuses, with everything its ProblemDetails needs. Endpoints throw it for bad input; the
/// exception handler turns it into the response, so every refusal has the same shape.
/// </summary>
public sealed class ApiProblemException(int statusCode, string code, string title, string detail) : Exception(detail)
{
    /// <summary>HTTP status of the response (4xx).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Stable machine-readable code, returned as the <c>code</c> extension.</summary>
    public string Code { get; } = code;

    /// <summary>Short, fixed summary of the problem type.</summary>
    public string Title { get; } = title;

    /// <summary>400 Bad Request.</summary>
    public static ApiProblemException BadRequest(string code, string detail) =>
        new(StatusCodes.Status400BadRequest, code, "The request is invalid.", detail);

    /// <summary>413 Payload Too Large.</summary>
    public static ApiProblemException TooLarge(string code, string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, code, "The request is too large.", detail);

    /// <summary>408 Request Timeout: the body did not arrive in time.</summary>
    public static ApiProblemException BodyTimeout(string detail) =>
        new(StatusCodes.Status408RequestTimeout, ProblemCodes.RequestTimeout, "The request body took too long.", detail);

    /// <summary>415 Unsupported Media Type.</summary>
    public static ApiProblemException UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "The request's content type is not supported.", detail);
}
