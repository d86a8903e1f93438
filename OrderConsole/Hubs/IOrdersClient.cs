using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Hubs;

/// <summary>What the orders hub sends its clients: an order's change, a driver's movement, a new delivery for a driver.</summary>
public interface IOrdersClient
{
    /// <summary>The feed's envelope, the same JSON as the SSE and <c>/ws</c> streams; each event once per room.</summary>
    Task OrderChanged(OrderEvent envelope);

    /// <summary>A driver's reported position, as soon as it is reported.</summary>
    Task DriverMoved(DriverPosition position);

    /// <summary>An order put on the driver (dispatched or reassigned to them), sent to the driver's room.</summary>
    Task Assigned(Order order);
}
