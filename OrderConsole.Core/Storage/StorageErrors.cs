using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>A newly drawn tracking ID or token is already taken; the caller draws again.</summary>
public sealed class DuplicateTrackingCodeException(string code)
    : OrderDomainException($"tracking code {code} is already in use");

/// <summary>
/// The store could not be reached. <see cref="OutcomeUnknown"/> says whether the command may still have been
/// applied (the connection dropped after sending it); retrying with the same command id is then safe.
/// </summary>
public sealed class StoreUnavailableException(string message, bool outcomeUnknown, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool OutcomeUnknown { get; } = outcomeUnknown;
}
