using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>
/// A supplier or driver change clashes with what is stored: a name or tracking prefix that is another supplier's,
/// or a status change for a driver on a delivery. <see cref="Field"/> names the field in its wire name.
/// </summary>
public sealed class DirectoryConflictException(string field, string message) : OrderDomainException(message)
{
    public string Field { get; } = field;

    public static DirectoryConflictException TakenName(string name) =>
        new("name", $"a supplier named \"{name}\" already exists; choose another name");

    public static DirectoryConflictException TakenPrefix(string prefix) =>
        new("tracking_prefix", $"the tracking prefix {prefix} is already another supplier's; choose another");
}
