namespace OrderConsole.Core.Storage;

/// <summary>
/// Binds an idempotency key (already scoped to its caller) to a fingerprint of the request it first came with,
/// so a key reused for another request is recognised rather than answered with the first one's result.
/// Bindings last as long as command ids are remembered.
/// </summary>
public interface IRequestFingerprints
{
    /// <summary>
    /// Binds <paramref name="key"/> to <paramref name="fingerprint"/> unless it is bound already, atomically across
    /// every instance sharing the store; returns the fingerprint the key is bound to (the given one when newly bound).
    /// </summary>
    Task<string> BindAsync(string key, string fingerprint, CancellationToken cancellationToken = default);
}
