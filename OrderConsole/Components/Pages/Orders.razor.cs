using MudBlazor;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>Every order the read model holds, one page at a time: filtered by status and search, sorted by any column, newest change first.</summary>
public partial class Orders : LivePage
{
    private MudDataGrid<Order>? _grid;
    private string _status = string.Empty;
    private string? _search;
    private IReadOnlyDictionary<OrderStatus, int> _counts = new Dictionary<OrderStatus, int>();

    protected override Role Desk => Role.Dispatcher;

    protected override LiveFilter Filter => LiveFilter.Everything;

    protected override void Refresh()
    {
        _counts = Live.CountsByStatus();

        // A live change asks the grid for its current page again; the page's own throttle keeps this to one per interval.
        _ = _grid?.ReloadServerData();
    }

    private Task ShowAsync(string? status)
    {
        _status = status ?? string.Empty;
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task<GridData<Order>> LoadAsync(GridState<Order> state, CancellationToken cancellationToken)
    {
        var page = OrderPage.Load(Live, _status, _search, state.SortDefinitions, state.Page, state.PageSize);
        return Task.FromResult(new GridData<Order> { Items = page.Items, TotalItems = page.Total });
    }
}
