using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>A newly drawn tracking ID or token is already taken; the caller draws again.</summary>
public sealed class DuplicateTrackingCodeException(string code)
    : OrderDomainException($"tracking code {code} is already in use");
