using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>No supplier or driver has the given id.</summary>
public sealed class NotInDirectoryException(string what, string id) : OrderDomainException($"no {what} {id} exists");
