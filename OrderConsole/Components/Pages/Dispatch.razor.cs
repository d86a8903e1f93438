using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The dispatcher's desk: put the nearest available driver on each ready order (oldest first), reassign a
/// dispatched order to another driver, follow deliveries to the door, and see at a glance which orders are late.
/// </summary>
public partial class Dispatch : LivePage
{
    /// <summary>How often the page re-judges lateness while no order changes; an order turns late by time alone.</summary>
    private static readonly TimeSpan s_lateCheckInterval = TimeSpan.FromSeconds(30);

    private IReadOnlyList<Order> _ready = [];
    private IReadOnlyList<Order> _onTheRoad = [];
    private IReadOnlyList<MapMarker> _map = [];
    private IReadOnlyList<(Order Order, OrderEvent Note)> _noDriverNearby = [];
    private PickupLineup _lineup = PickupLineup.For([], null, null);
    private DateTimeOffset _now;
    private TimeSpan _lateThreshold;
    private ITimer? _lateCheck;
    private Guid? _selectedId;
    private readonly ShownOrder _shown = new();
    private const string DriverField = CommandRunner.DriverField;

    private static readonly MapMarkerKind[] s_mapLegend =
        [MapMarkerKind.AvailableDriver, MapMarkerKind.BusyDriver, MapMarkerKind.DriverOnBreak, MapMarkerKind.Pickup];

    private string _driverId = string.Empty;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private CurrentSettings Settings { get; set; } = default!;

    private Order? Selected => _selectedId is { } id ? Live.Find(id) : null;

    private IEnumerable<DriverToPickup> AvailableDrivers => _lineup.Drivers.Where(entry => entry.Driver.Status == DriverStatus.Available);

    protected override Role Desk => Role.Dispatcher;

    protected override LiveFilter Filter =>
        // The order in the drawer is followed past the desk's statuses, so its delivery shows there too.
        LiveFilter.Orders(order => order.Status is OrderStatus.Ready or OrderStatus.Dispatched or OrderStatus.InTransit || order.Id == _shown.Id)
            .Or(LiveFilter.Drivers).Or(LiveFilter.Suppliers);

    protected override void Refresh()
    {
        _now = Clock.GetUtcNow();
        _lateThreshold = Settings.Value.LateThreshold;
        _ready = [.. Live.Orders(order => order.Status == OrderStatus.Ready).OrderBy(order => order.ReadyAt)];
        _noDriverNearby = [.. _ready
            .Select(order => (Order: order, Note: Live.CurrentNote(order.Id)))
            .Where(entry => entry.Note?.EventType == OrderEventTypes.NoDriverNearby)
            .Select(entry => (entry.Order, entry.Note!))];
        _onTheRoad = [.. Live.Orders(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit).OrderBy(order => order.DispatchedAt)];
        _lineup = Selected is { Status: OrderStatus.Ready or OrderStatus.Dispatched } selected
            ? Live.LineupFor(selected)
            : PickupLineup.For(Live.Drivers().Where(driver => driver.Active), null, null);
        _shown.Follow();
        _map = MapMarkers.ForDispatch(Live.Drivers(), _ready, _onTheRoad, Live.Suppliers());
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _lateCheck = Clock.CreateTimer(_ => _ = RecheckLatenessAsync(), null, s_lateCheckInterval, s_lateCheckInterval);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lateCheck?.Dispose();
            _lateCheck = null;
        }

        base.Dispose(disposing);
    }

    private async Task RecheckLatenessAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                _now = Clock.GetUtcNow();
                _lateThreshold = Settings.Value.LateThreshold;
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the tick and the render; nothing left to update.
        }
    }

    private string LateRow(Order order, int index) => OrderTiming.IsLate(order, _now, _lateThreshold) ? "late-row" : string.Empty;

    /// <summary>The chosen driver as the closed picker shows it: the same words as their line in the list.</summary>
    private string DriverText(string? driverId) =>
        _lineup.Drivers.FirstOrDefault(entry => entry.Driver.Id == driverId) is { } entry ? DriverChoice(entry) : string.Empty;

    private static string DriverChoice(DriverToPickup entry) =>
        entry.Kilometres is { } kilometres
            ? $"{entry.Driver.Name} ({entry.Driver.Vehicle}) · {DriverLineupList.Distance(kilometres)}"
            : $"{entry.Driver.Name} ({entry.Driver.Vehicle})";

    private void Open(Order order)
    {
        _selectedId = order.Id;
        _driverId = string.Empty;
        Errors.Clear();
        Refresh();
    }

    private void Show(Order order) => _shown.Show(order.Id, Live.Find);

    private void Close()
    {
        _selectedId = null;
        Errors.Clear();
        Refresh();
    }

    private Task DispatchAsync() => DispatchToAsync(_driverId);

    private Task TakeSuggestionAsync() => _lineup.Suggested is { } suggested ? DispatchToAsync(suggested.Driver.Id) : Task.CompletedTask;

    private async Task DispatchToAsync(string driverId)
    {
        if (RequireDriver(driverId) && await RunAsync("Driver dispatched", () => Orders.DispatchAsync(Actor, _selectedId!.Value, driverId), _selectedId))
        {
            Close();
        }
    }

    private async Task ReassignAsync()
    {
        if (RequireDriver(_driverId) && await RunAsync("Order reassigned", () => Orders.ReassignAsync(Actor, _selectedId!.Value, _driverId), _selectedId))
        {
            Close();
        }
    }

    private bool RequireDriver(string driverId)
    {
        if (!string.IsNullOrEmpty(driverId))
        {
            return true;
        }

        Errors.Clear();
        Errors.Set("driver_id", "Choose a driver first");
        return false;
    }

    private Task AdvanceAsync(Order order, OrderStatus to) =>
        RunAsync($"{order.SupplierTrackingId} is {to.ToDisplayName()}", () => Orders.AdvanceAsync(Actor, order.Id, to), order.Id);
}
