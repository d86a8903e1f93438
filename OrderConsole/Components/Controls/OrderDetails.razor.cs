using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Layout;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Components.Controls;

/// <summary>
/// An order's details beside a list: the order as the read model has it now (the page passes it on each live change)
/// and its history, loaded when another order is shown or the shown one reaches a new version.
/// </summary>
public partial class OrderDetails : ComponentBase, IDisposable
{
    private static long s_instances;
    private readonly long _instance = Interlocked.Increment(ref s_instances);
    private readonly CancellationTokenSource _lifetime = new();
    private IReadOnlyList<OrderEvent>? _history;
    private string? _historyError;
    private (Guid Id, long Version)? _loaded;

    [Inject] private OrderService Orders { get; set; } = default!;

    [Parameter, EditorRequired] public Order Order { get; set; } = default!;

    /// <summary>Who is looking: the history is read as them.</summary>
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    [Parameter] public ViewerTime Time { get; set; } = ViewerTime.Utc;

    /// <summary>The delivery map of the order, when the page has one to show.</summary>
    [Parameter] public RenderFragment<Order>? MapContent { get; set; }

    /// <summary>The order's proof of delivery, when the page has one to show.</summary>
    [Parameter] public RenderFragment<Order>? ProofContent { get; set; }

    private string TitleId => $"order-details-{_instance}";

    private string TimelineId => $"order-timeline-{_instance}";

    private string Reference => OrderCode.Of(Order);

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (Order.Id, Order.Version))
        {
            return;
        }

        if (_loaded?.Id != Order.Id)
        {
            _history = null;
        }

        _loaded = (Order.Id, Order.Version);
        var id = Order.Id;
        try
        {
            var history = await Orders.GetHistoryAsync(Actor, id, _lifetime.Token);
            if (id == Order.Id)
            {
                _history = history;
                _historyError = null;
            }
        }
        catch (OrderNotFoundException)
        {
            _history = [];
        }
        catch (StoreUnavailableException unavailable)
        {
            _historyError = $"The timeline could not be loaded: {unavailable.Message}";
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
    }
}
