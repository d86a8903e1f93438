using Microsoft.AspNetCore.Components;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using Radzen;

namespace OrderConsole.Components.Controls;

/// <summary>
/// A page that follows the live read model: it subscribes with its filter when it starts, refreshes its
/// view data and re-renders (throttled) when a matching change lands, and unsubscribes when disposed.
/// Commands run through <see cref="RunAsync"/> so every page reports success and errors the same way.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject] protected LiveOrders Live { get; set; } = default!;

    [Inject] protected OrderService Orders { get; set; } = default!;

    [Inject] protected NotificationService Notifications { get; set; } = default!;

    protected FieldErrors Errors { get; } = new();

    /// <summary>The changes this page shows.</summary>
    protected abstract LiveFilter Filter { get; }

    /// <summary>Recomputes the page's view data from the read model; called before every live re-render.</summary>
    protected abstract void Refresh();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected override void OnInitialized()
    {
        Refresh();
        _subscription = Live.Subscribe(Filter, () => InvokeAsync(() =>
        {
            Refresh();
            StateHasChanged();
        }));
    }

    /// <summary>Ends the live subscription; a page with timers or handlers of its own overrides this and calls the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
        }
    }

    /// <summary>
    /// Runs a command. An input error goes next to its field; any other refusal becomes an error notification.
    /// Returns true when the command succeeded.
    /// </summary>
    protected async Task<bool> RunAsync(string success, Func<Task> command)
    {
        Errors.Clear();
        try
        {
            await command();
            Notifications.Notify(NotificationSeverity.Success, success, duration: 4000);
            Refresh();
            return true;
        }
        catch (OrderValidationException invalid)
        {
            Errors.Set(invalid.Field, invalid.Message);
        }
        catch (OrderDomainException refused)
        {
            Notifications.Notify(NotificationSeverity.Error, "Not done", refused.Message, duration: 8000);
        }
        catch (StoreUnavailableException unavailable)
        {
            Notifications.Notify(NotificationSeverity.Warning, unavailable.OutcomeUnknown ? "Outcome unknown" : "Store unreachable", unavailable.Message, duration: 10000);
        }

        return false;
    }
}
