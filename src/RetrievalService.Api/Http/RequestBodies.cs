using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Errors;

namespace RetrievalService.Api.Http;

/// <summary>Reads request bodies under a byte limit, so an oversized upload is refused with 413 before it is buffered.</summary>
internal static class RequestBodies
{
    /// <summary>Refuses a declared Content-Length over <paramref name="limit"/> and caps what the server will read.</summary>
    public static void Limit(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            throw ApiProblemException.TooLarge(ProblemCodes.PayloadTooLarge,
                $"The request body is {request.ContentLength} bytes; this endpoint accepts at most {limit} bytes. Send a smaller image or fewer files per request.");
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
    }

    /// <summary>True when the request carries a body (a chunked one has no Content-Length; the server knows whether it can have one).</summary>
    public static bool HasBody(HttpRequest request) => request.ContentLength is > 0
        || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    /// <summary>The whole body, refused with 413 when it grows past <paramref name="limit"/> (chunked uploads declare no length).</summary>
    public static Task<byte[]> ReadAllAsync(HttpRequest request, long limit, CancellationToken ct) =>
        WithinDeadlineAsync(request, token => ReadAllWithinAsync(request, limit, token), ct);

    /// <summary>Parses a multipart form under <paramref name="limit"/>; malformed framing is a 400, a broken limit a 413.</summary>
    public static Task<IFormCollection> ReadFormAsync(HttpRequest request, long limit, int maxFiles, CancellationToken ct) =>
        WithinDeadlineAsync(request, token => ReadFormWithinAsync(request, limit, maxFiles, token), ct);

    // The whole body must arrive within Api:Limits:BodyDeadlineSeconds, whatever its rate. The deadline reaches the reads
    // through the body stream, so the readers keep the request's own token (see DeadlineStream).
    private static async Task<T> WithinDeadlineAsync<T>(HttpRequest request, Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var seconds = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiLimitsOptions>>().Value.BodyDeadlineSeconds;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var body = request.Body;
        request.Body = new DeadlineStream(body, deadline.Token);
        try
        {
            return await read(ct);
        }
        // A read cut off by the deadline surfaces as a cancellation, or (inside the multipart reader) as an I/O error; one cut
        // off by Kestrel's minimum data rate as its 408 BadHttpRequestException.
        catch (Exception e) when ((e is OperationCanceledException or IOException && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            || IsTooSlow(e))
        {
            // The rest of the body is not wanted: close the connection after the answer instead of draining it.
            request.HttpContext.Response.Headers.Connection = "close";
            throw ApiProblemException.BodyTimeout(IsTooSlow(e)
                ? "The request body arrived more slowly than the server accepts (240 bytes/s); send it at once (a phone on a slow link: a smaller image)."
                : $"The request body did not arrive within {seconds} s; send it at once (a phone on a slow link: a smaller image).");
        }
        finally
        {
            request.Body = body;
        }
    }

    private static bool IsTooSlow(Exception e) => e is BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout };

    private static async Task<byte[]> ReadAllWithinAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        Limit(request, limit);
        var memory = request.HttpContext.RequestServices.GetRequiredService<BodyMemory>();
        // A declared length is reserved at once, a chunked body in steps as it grows, so a refusal comes before the bytes
        // do; twice over, for the buffer and the array it is copied into.
        var reserved = request.ContentLength ?? 0;
        memory.Reserve(request.HttpContext, 2 * reserved);
        using var buffer = new MemoryStream((int)reserved);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiProblemException.TooLarge(ProblemCodes.PayloadTooLarge,
                    $"The request body exceeds {limit} bytes; send a smaller image.");
            }
            if (buffer.Length + read > reserved)
            {
                var step = Math.Max(read, 1024 * 1024);
                memory.Reserve(request.HttpContext, 2 * step);
                reserved += step;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // MultipartReader and the form reader word their limits "... body length limit N exceeded" and "Form value count limit N
    // exceeded"; the other limits they report (boundary, header and line lengths, headers per part) are about framing.
    private static bool IsBodyLengthLimit(InvalidDataException e) => e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase);

    private static bool IsPartCountLimit(InvalidDataException e) => e.Message.StartsWith("Form value count limit", StringComparison.OrdinalIgnoreCase);

    private static async Task<IFormCollection> ReadFormWithinAsync(HttpRequest request, long limit, int maxFiles, CancellationToken ct)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblemException.UnsupportedMediaType(
                $"Content type '{request.ContentType}' is not accepted here; send multipart/form-data (curl -F).");
        }
        Limit(request, limit);
        var options = new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            BufferBodyLengthLimit = limit,
            // Fields besides files are few (ids, metadata, k, mode, filter); the count bounds parsing work.
            ValueCountLimit = maxFiles + 16,
        };
        try
        {
            return await request.ReadFormAsync(options, ct);
        }
        // Kestrel's own body limit (MaxRequestBodySize, set by Limit) ends a chunked body that grows past it.
        catch (Exception e) when ((e is InvalidDataException invalid && IsBodyLengthLimit(invalid))
            || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw ApiProblemException.TooLarge(ProblemCodes.PayloadTooLarge,
                $"The multipart body is over {limit} bytes; send fewer or smaller files per request (at most {maxFiles} files, {limit} bytes).");
        }
        catch (InvalidDataException e) when (IsPartCountLimit(e))
        {
            // The form reader stops counting at its limit, so the files beyond it are never seen: the same refusal as too many files.
            throw ApiProblemException.TooLarge(ProblemCodes.TooManyFiles,
                $"The multipart body has more than {options.ValueCountLimit} parts; send at most {maxFiles} file(s) and the documented fields per request.");
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && !ct.IsCancellationRequested && !IsTooSlow(e)))
        {
            // Framing limits (a boundary over 70 characters, a boundary the body never uses so its first part's headers
            // never end) and a body that ends mid-part (an IOException) are malformed requests, not large ones.
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidForm,
                "The multipart body is malformed: its boundary must be at most 70 characters and must separate the parts, and the body must " +
                "end with the closing boundary. Let your HTTP client build it (curl -F).");
        }
    }
}
