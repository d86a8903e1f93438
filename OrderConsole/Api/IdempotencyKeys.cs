using System.Security.Claims;
using OrderConsole.Core.Orders;

namespace OrderConsole.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header becomes the order service's command id, so a repeat answers with the first
/// result instead of applying the command again. Keys are scoped to the caller: two clients may pick the same key.
/// <see cref="RequestFingerprints"/> binds each key to the request it first came with, so it answers only for that one.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    /// <summary>The command id for this caller's key; null without a key (every call is then a new command).</summary>
    public static string? CommandId(ClaimsPrincipal user, string? key)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > MaxLength || key.Any(c => c < '!' || c > '~'))
        {
            throw new OrderValidationException(
                "idempotency_key", $"the {Header} header must be 1 to {MaxLength} visible ASCII characters, such as a GUID");
        }

        return $"api:{user.Identity?.Name}:{key}";
    }

    /// <summary>
    /// A batch is applied once per key, or without one once per correlation id — both scoped to the caller, so
    /// another client's correlation id never answers for this one's.
    /// </summary>
    public static string BatchId(ClaimsPrincipal user, string? key, string correlationId) =>
        CommandId(user, key) ?? $"api:{user.Identity?.Name}:batch:{correlationId}";
}
