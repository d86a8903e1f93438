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

    private Task CloseAsync() => OnClose.InvokeAsync();

    private Task OpenChangedAsync(bool open) => open ? Task.CompletedTask : CloseAsync();
}
