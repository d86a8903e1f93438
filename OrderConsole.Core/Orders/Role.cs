namespace OrderConsole.Core.Orders;

/// <summary>What a person does in the marketplace; decides which transitions they may make.</summary>
public enum Role
{
    Admin,
    Supplier,
    Customer,
    Dispatcher,
    Driver,
}
