using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>The dispatcher's desk: put an available driver on each ready order and follow deliveries to the door.</summary>
public partial class Dispatch : LivePage
{
    private IReadOnlyList<Order> _ready = [];
    private IReadOnlyList<Order> _onTheRoad = [];
    private IReadOnlyList<Driver> _drivers = [];
    private Guid? _selectedId;
    private string _driverId = string.Empty;

    private Order? Selected => _selectedId is { } id ? Live.Find(id) : null;

    protected override Role Desk => Role.Dispatcher;

    protected override LiveFilter Filter =>
        LiveFilter.Orders(order => order.Status is OrderStatus.Ready or OrderStatus.Dispatched or OrderStatus.InTransit).Or(LiveFilter.Drivers);

    protected override void Refresh()
    {
        _ready = [.. Live.Orders(order => order.Status == OrderStatus.Ready).OrderBy(order => order.ReadyAt)];
        _onTheRoad = [.. Live.Orders(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit).OrderBy(order => order.DispatchedAt)];
        _drivers = Live.Drivers();
    }

    private static string DriverStatusText(DriverStatus status) => status switch
    {
        DriverStatus.OnBreak => "on break",
        _ => status.ToString().ToLowerInvariant(),
    };

    private void Open(Order order)
    {
        _selectedId = order.Id;
        _driverId = string.Empty;
        Errors.Clear();
    }

    private async Task DispatchAsync()
    {
        if (string.IsNullOrEmpty(_driverId))
        {
            Errors.Clear();
            Errors.Set("driver_id", "Choose a driver first");
            return;
        }

        if (await RunAsync("Driver dispatched", () => Orders.DispatchAsync(Actor, _selectedId!.Value, _driverId)))
        {
            _selectedId = null;
        }
    }

    private Task AdvanceAsync(Order order, OrderStatus to) =>
        RunAsync($"{order.SupplierTrackingId} is {to.ToDisplayName()}", () => Orders.AdvanceAsync(Actor, order.Id, to));
}
