using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The staff delivery tracker for one order: where it is in its lifecycle, how far the delivery has come, the
/// time left to its ETA, its driver, and its timeline from the order's own history. The history is loaded when
/// the page opens and again when a live change of this order arrives, never on a plain re-render.
/// </summary>
public partial class Tracker : LivePage
{
    private readonly CancellationTokenSource _lifetime = new();
    private Guid? _shownId;
    private Order? _order;
    private Driver? _driver;
    private IReadOnlyList<MapMarker> _map = [];
    private static readonly MapMarkerKind[] s_mapLegend = [MapMarkerKind.Pickup, MapMarkerKind.Destination, MapMarkerKind.BusyDriver];
    private IReadOnlyList<OrderEvent>? _history;
    private string? _historyError;
    private bool _missing;
    private bool _loading;

    /// <summary>The live version the last history load started from; a newer live version means load again.</summary>
    private long _historyAsOf = -1;

    [Parameter] public Guid Id { get; set; }

    protected override Role Desk => Role.Dispatcher;

    /// <summary>Every staff role may track an order it may see: suppliers their own, drivers theirs, customers their own.</summary>
    protected override IReadOnlyList<Role> Desks => [Role.Dispatcher, Role.Supplier, Role.Driver, Role.Customer];

    /// <summary>Reads <see cref="Id"/> when a change arrives, so the filter follows the page to another order.</summary>
    protected override LiveFilter Filter => LiveFilter.Orders(order => order.Id == Id).Or(LiveFilter.Driver(() => _order?.DriverId));

    protected override void Refresh()
    {
        var live = Live.Find(Id) is { } found && OrderAccess.CanSee(Actor, found) ? found : null;
        _order = live ?? _history?.LastOrDefault(change => change.Order is not null)?.Order;
        _driver = _order?.DriverId is { } driverId ? Live.Drivers().FirstOrDefault(driver => driver.Id == driverId) : null;
        _map = _order is { } shown ? MapMarkers.ForOrder(shown, Live.Suppliers().FirstOrDefault(supplier => supplier.Id == shown.SupplierId), _driver) : [];
        if (live is not null && _history is not null && !_loading && live.Version > _historyAsOf)
        {
            _ = ReloadHistoryAsync();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_shownId == Id)
        {
            return;
        }

        _shownId = Id;
        _history = null;
        _historyAsOf = -1;
        _missing = false;
        Refresh();
        await LoadHistoryAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lifetime.Cancel();
            _lifetime.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task ReloadHistoryAsync()
    {
        await LoadHistoryAsync();
        StateHasChanged();
    }

    private async Task LoadHistoryAsync()
    {
        if (_lifetime.IsCancellationRequested)
        {
            return;
        }

        var id = Id;
        _loading = true;
        _historyAsOf = Live.Find(id)?.Version ?? 0;
        try
        {
            var history = await Orders.GetHistoryAsync(Actor, id, _lifetime.Token);
            if (id != Id)
            {
                return;
            }

            _history = history;
            _historyError = null;
            _missing = false;
        }
        catch (OrderNotFoundException)
        {
            // An order this person may not see reads exactly like one that does not exist.
            _history = [];
            _missing = Live.Find(id) is not { } known || !OrderAccess.CanSee(Actor, known);
        }
        catch (StoreUnavailableException unavailable)
        {
            _historyError = $"The timeline could not be loaded: {unavailable.Message}";
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _loading = false;
        }

        // Picks up a change that landed while loading (one more load at most per live version).
        Refresh();
    }

    private static string Reference(Order order) => OrderCode.Of(order);

    /// <summary>"on time", "4 min early", "7 min late" or "under a minute late" for a delivered order with an ETA.</summary>
    private static string Punctuality(DateTimeOffset delivered, DateTimeOffset eta)
    {
        var minutes = (int)Math.Round(Math.Abs((delivered - eta).TotalMinutes));
        if (delivered <= eta)
        {
            return minutes == 0 ? "on time" : $"{minutes} min early";
        }

        return minutes == 0 ? "under a minute late" : $"{minutes} min late";
    }
}
