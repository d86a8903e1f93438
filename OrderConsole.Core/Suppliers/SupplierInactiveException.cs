using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Suppliers;

/// <summary>An order was asked of a deactivated supplier; an admin can activate it again.</summary>
public sealed class SupplierInactiveException(string supplierName)
    : OrderDomainException($"{supplierName} is deactivated and takes no new orders; an admin can activate it again");
