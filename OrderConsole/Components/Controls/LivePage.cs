using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OrderConsole.Accounts;
using OrderConsole.Core.Live;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Controls;

/// <summary>
/// A page that follows the live read model: it subscribes with its filter when it starts, refreshes its
/// view data and re-renders (throttled) when a matching change lands, and unsubscribes when disposed.
/// Commands run through <see cref="RunAsync"/> so every page reports success and errors the same way.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private Actor? _actor;

    [Inject] protected LiveOrders Live { get; set; } = default!;

    [Inject] protected OrderService Orders { get; set; } = default!;

    [Inject] private CommandRunner Commands { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected FieldErrors Errors { get; } = new();

    /// <summary>The viewer's time zone, cascaded by the layout: the page's times are shown on the viewer's clock.</summary>
    [CascadingParameter] public Layout.ViewerTime? Viewer { get; set; }

    /// <summary>The viewer's clock; UTC outside a layout.</summary>
    protected Layout.ViewerTime Time => Viewer ?? Layout.ViewerTime.Utc;

    /// <summary>The desk this page is: the role its user acts in (admins act as admin everywhere).</summary>
    protected abstract Role Desk { get; }

    /// <summary>Pages several roles share list them here, first match wins; most pages are one desk.</summary>
    protected virtual IReadOnlyList<Role> Desks => [Desk];

    /// <summary>The signed-in person acting at this desk; every command goes to the order service as them.</summary>
    protected Actor Actor => _actor ?? throw new InvalidOperationException("the page has no signed-in actor yet");

    /// <summary>The changes this page shows.</summary>
    protected abstract LiveFilter Filter { get; }

    /// <summary>Recomputes the page's view data from the read model; called before every live re-render.</summary>
    protected abstract void Refresh();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected override async Task OnInitializedAsync()
    {
        // The page's [Authorize] attribute has already let only this desk's roles in; this only names them.
        var user = (await (AuthenticationState ?? throw new InvalidOperationException("no authentication state"))).User;
        _actor = Desks.Select(desk => user.At(desk)).FirstOrDefault(actor => actor is not null)
            ?? throw new InvalidOperationException($"{user.Identity?.Name} may not work at the {Desk} desk");
        Refresh();
        _subscription = Live.Subscribe(Filter.Or(LiveFilter.Settings), committedAt => InvokeAsync(() =>
        {
            Refresh();
            StateHasChanged();
            if (committedAt is { } at)
            {
                // StateHasChanged renders synchronously here, on the circuit's dispatcher.
                LiveMetrics.RecordUpdateLatency(Clock.GetUtcNow() - at);
            }
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

    /// <summary>Asks before something that cannot be undone; true only when the person says yes.</summary>
    protected Task<bool> ConfirmAsync(string question, string title, string yes) => Commands.ConfirmAsync(question, title, yes);

    /// <summary>Runs a command through the console's one <see cref="CommandRunner"/>; true when it succeeded.</summary>
    protected async Task<bool> RunAsync(string success, Func<Task> command, Guid? orderId = null)
    {
        var done = await Commands.RunAsync(Errors, () => success, command, orderId);
        if (done)
        {
            Refresh();
        }

        return done;
    }
}
