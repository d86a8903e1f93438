using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrderConsole.Core.Storage;

namespace OrderConsole.Api;

/// <summary>
/// Binds each <c>Idempotency-Key</c> (scoped to the caller) to the request it first came with — method, path,
/// query and a SHA-256 of the body — and likewise a batch's <c>correlation_id</c> to its events. A key or
/// correlation id reused for a different request answers 422 and applies nothing, instead of handing back the
/// first request's result as if it were this one's.
/// </summary>
public static class RequestFingerprints
{
    public static IApplicationBuilder UseRequestFingerprints(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var key = request.Headers[IdempotencyKeys.Header].ToString();
        var batch = request.Path.StartsWithSegments("/api/events/batch", StringComparison.OrdinalIgnoreCase);
        if (key.Length == 0 && !batch)
        {
            await next(context);
            return;
        }

        // Read once here and again by the endpoint; the server's body-size limit bounds it.
        request.EnableBuffering(bufferThreshold: 64 * 1024);
        byte[] body;
        using (var copy = new MemoryStream())
        {
            await request.Body.CopyToAsync(copy, context.RequestAborted);
            body = copy.ToArray();
        }

        request.Body.Position = 0;
        var fingerprint = Fingerprint(request, body);
        var fingerprints = context.RequestServices.GetRequiredService<IRequestFingerprints>();
        if (IsWellFormed(key)
            && await fingerprints.BindAsync(IdempotencyKeys.CommandId(context.User, key)!, fingerprint, context.RequestAborted) != fingerprint)
        {
            await RefuseAsync(context, IdempotencyKeys.Header.ToLowerInvariant().Replace('-', '_'),
                $"this {IdempotencyKeys.Header} was used before with another request (another endpoint, query or body); " +
                "a retry must repeat the first request exactly, and a new request needs a new key");
            return;
        }

        if (batch && key.Length == 0 && CorrelationIdOf(body) is { } correlationId
            && await fingerprints.BindAsync(IdempotencyKeys.BatchId(context.User, null, correlationId), fingerprint, context.RequestAborted) != fingerprint)
        {
            await RefuseAsync(context, "correlation_id",
                $"the correlation_id \"{correlationId}\" was used before with other events; resend that batch exactly, or give this one a new correlation_id");
            return;
        }

        await next(context);
    });

    private static bool IsWellFormed(string key) => key.Length is > 0 and <= IdempotencyKeys.MaxLength && key.All(c => c is >= '!' and <= '~');

    private static string Fingerprint(HttpRequest request, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path.Value?.ToLowerInvariant()}{request.QueryString.Value}\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static string? CorrelationIdOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("correlation_id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            // The endpoint answers malformed JSON itself.
            return null;
        }
    }

    private static Task RefuseAsync(HttpContext context, string field, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The key belongs to another request",
            extensions: new Dictionary<string, object?> { ["field"] = field }).ExecuteAsync(context);
}
