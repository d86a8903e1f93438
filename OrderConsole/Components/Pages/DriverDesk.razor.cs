using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>The driver's desk, made for a phone: their deliveries, picking up and delivering, and sharing where they are.</summary>
public partial class DriverDesk : LivePage
{
    private IReadOnlyList<Order> _deliveries = [];
    private double? _latitude;
    private double? _longitude;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override Role Desk => Role.Driver;

    protected override LiveFilter Filter =>
        LiveFilter.Orders(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit).Or(LiveFilter.Drivers);

    /// <summary>The signed-in driver, when the user is one (an admin sees every delivery instead).</summary>
    private Driver? Me => Actor.DriverId is { } id ? Live.Drivers().FirstOrDefault(driver => driver.Id == id) : null;

    protected override void Refresh() =>
        _deliveries = [.. Live.Orders(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit && OrderAccess.CanSee(Actor, order))
            .OrderBy(order => order.DispatchedAt)];

    private Task AdvanceAsync(Order order, OrderStatus to) =>
        RunAsync($"{order.SupplierTrackingId} is {to.ToDisplayName()}", () => Orders.AdvanceAsync(Actor, order.Id, to));

    private Task SavePositionAsync() =>
        RunAsync("Position shared", () => Orders.ReportPositionAsync(Actor, Actor.DriverId!, _latitude, _longitude));

    private async Task ShareLocationAsync()
    {
        Errors.Clear();
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/DriverDesk.razor.js");
            var position = await module.InvokeAsync<double[]>("currentPosition");
            (_latitude, _longitude) = (position[0], position[1]);
        }
        catch (JSException refused)
        {
            Errors.Set("geolocation", $"The browser did not give a position ({refused.Message}); type the coordinates instead.");
            return;
        }

        await SavePositionAsync();
    }
}
