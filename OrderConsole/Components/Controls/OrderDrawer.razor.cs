using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Layout;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>
/// The order details drawer every list opens: items, prices, timeline, the delivery map and the proof of delivery.
/// It shows whatever order the page passes, so the page decides who may see which order and re-finds it on each live change.
/// </summary>
public partial class OrderDrawer : ComponentBase
{
    private static readonly MapMarkerKind[] s_mapLegend = [MapMarkerKind.Pickup, MapMarkerKind.Destination, MapMarkerKind.BusyDriver];

    [Inject] private LiveOrders Live { get; set; } = default!;

    /// <summary>The order to show; null keeps the drawer closed.</summary>
    [Parameter] public Order? Order { get; set; }

    /// <summary>Who is looking: the order's history is read as them.</summary>
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    [Parameter] public ViewerTime Time { get; set; } = ViewerTime.Utc;

    /// <summary>Called when the person closes the drawer, by its button or by clicking beside it.</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    /// <summary>The drawer's map: the pickup, the destination when known and the driver while the order is under way, as the tracker shows them.</summary>
    private IReadOnlyList<MapMarker> MapOf(Order order) => MapMarkers.ForOrder(
        order,
        Live.Suppliers().FirstOrDefault(supplier => supplier.Id == order.SupplierId),
        order.DriverId is { } driverId ? Live.FindDriver(driverId) : null);

    private bool _drawnOpen;
    private ViewerTime? _drawnTime;
    private bool _redraw = true;

    /// <summary>
    /// A closed drawer stays as drawn: its list page re-renders on every live change and hands it the same nothing
    /// again. An open one follows every change (its order, timeline and map), and opening or closing draws it.
    /// </summary>
    protected override void OnParametersSet()
    {
        var open = Order is not null;
        _redraw = open || _drawnOpen || _drawnTime != Time;
        (_drawnOpen, _drawnTime) = (open, Time);
    }

    protected override bool ShouldRender() => _redraw;

    private Task CloseAsync() => OnClose.InvokeAsync();

    private Task OpenChangedAsync(bool open) => open ? Task.CompletedTask : CloseAsync();
}
