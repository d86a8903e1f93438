using Microsoft.AspNetCore.Components;
using MudBlazor;
using OrderConsole.Components.Controls;
using OrderConsole.Components.Dialogs;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Pages;

/// <summary>
/// Every order the read model holds, one page at a time: searched and filtered (the filters live in the page's address,
/// so a link reproduces the view and the CSV export takes them), sorted by a column heading, with bulk cancel and driver
/// assignment over the selected rows and an order's details in a drawer.
/// </summary>
public partial class Orders : LivePage
{
    private const int PageSize = 20;

    private OrderFilters _filters = new();
    private OrderSearch _search = new();
    private IReadOnlyDictionary<OrderStatus, int> _counts = new Dictionary<OrderStatus, int>();
    private readonly HashSet<Guid> _selected = [];
    private IReadOnlyList<Order> _page = [];
    private int _total;
    private ColumnSort? _sort;
    private int _pageIndex;
    private long _clockStep;
    private long _filtersVersion;
    private long _countsVersion;
    private IReadOnlyList<Core.Orders.Supplier> _listedSuppliers = [];
    private IReadOnlyList<Driver> _listedDrivers = [];
    private string _zoneId = string.Empty;
    private readonly ShownOrder _shown = new();
    private IReadOnlyList<BulkResultLine> _results = [];
    private string _resultsTitle = string.Empty;
    private bool _working;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private CurrentSettings Settings { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override Role Desk => Role.Dispatcher;

    protected override LiveFilter Filter => LiveFilter.Everything;

    private bool AllShownSelected => _page.Count > 0 && _page.All(order => _selected.Contains(order.Id));

    /// <summary>The view can show finished orders and the read model let older ones go: the list is not all of them.</summary>
    private bool OlderFinishedNotListed =>
        Live.ForgotOlderFinishedOrders && (_filters.Statuses.Count == 0 || _filters.Statuses.Any(status => status.IsFinal()));

    private string ZoneNote => $"Days in {Settings.Value.Zone().Id}";

    protected override void OnInitialized()
    {
        // The address is where the filters live: opening a shared link shows the same view.
        _filters = OrderFilters.FromQuery(new Uri(Navigation.Uri).Query);
        _search = _filters.ToSearch(Settings.Value.Zone());
    }

    protected override void Refresh()
    {
        var counts = Live.CountsByStatus();
        if (!ReferenceEquals(counts, _counts) && !SameCounts(counts, _counts))
        {
            _countsVersion++;
        }

        _counts = counts;
        _shown.Follow();
        var (suppliers, drivers, zone) = (Live.Suppliers(), Live.Drivers(), Settings.Value.Zone());
        if (!ReferenceEquals(suppliers, _listedSuppliers) || !SameNames(drivers, _listedDrivers) || zone.Id != _zoneId)
        {
            // A new time zone moves the days the date filters mean (and the note beside them).
            (_listedSuppliers, _listedDrivers, _zoneId) = (suppliers, drivers, zone.Id);
            _search = _filters.ToSearch(zone);
            _filtersVersion++;
        }

        ShowPage();
    }

    private static bool SameCounts(IReadOnlyDictionary<OrderStatus, int> now, IReadOnlyDictionary<OrderStatus, int> shown) =>
        now.Count == shown.Count && now.All(count => shown.TryGetValue(count.Key, out var was) && was == count.Value);

    private static bool SameNames(IReadOnlyList<Driver> now, IReadOnlyList<Driver> listed) =>
        now.Count == listed.Count && now.Zip(listed).All(pair => pair.First.Id == pair.Second.Id && pair.First.Name == pair.Second.Name);

    /// <summary>Cuts the shown page out of the matching orders as they stand now; the rows that did not change are not redrawn.</summary>
    private void ShowPage()
    {
        _clockStep = RelativeTime.ClockStep(Clock.GetUtcNow());
        var page = OrderPage.Load(Live, _search, _sort, _pageIndex, PageSize);
        if (page.Items.Count == 0 && _pageIndex > 0)
        {
            // The orders of the last page went away (finished and forgotten, or filtered out): show the last one there is.
            _pageIndex = OrderPage.LastIndex(page.Total, PageSize);
            page = OrderPage.Load(Live, _search, _sort, _pageIndex, PageSize);
        }

        _page = page.Items;
        _total = page.Total;
    }

    private Task SearchAsync(string? text) => FilterAsync(_filters with { Text = text });

    private Task StatusesAsync(IEnumerable<OrderStatus>? statuses) => FilterAsync(_filters with { Statuses = (statuses ?? []).ToHashSet() });

    private Task SupplierAsync(string? supplierId) => FilterAsync(_filters with { SupplierId = string.IsNullOrEmpty(supplierId) ? null : supplierId });

    private Task DriverAsync(string? driverId) => FilterAsync(_filters with { DriverId = string.IsNullOrEmpty(driverId) ? null : driverId });

    private Task CreatedFromAsync(DateTime? day) => FilterAsync(_filters with { CreatedFrom = day is { } value ? DateOnly.FromDateTime(value) : null });

    private Task CreatedToAsync(DateTime? day) => FilterAsync(_filters with { CreatedTo = day is { } value ? DateOnly.FromDateTime(value) : null });

    private Task ClearFiltersAsync() => FilterAsync(new OrderFilters());

    /// <summary>Shows <paramref name="filters"/>: the address follows (replacing, not adding, a history entry) and the list starts again at its first page.</summary>
    private Task FilterAsync(OrderFilters filters)
    {
        _filters = filters;
        _filtersVersion++;
        _search = filters.ToSearch(Settings.Value.Zone());
        Navigation.NavigateTo(filters.ToAddress("orders"), replace: true);
        GoTo(0);
        return Task.CompletedTask;
    }

    private void SortBy(OrderColumn column)
    {
        _sort = ColumnSort.Next(_sort, column);
        GoTo(0);
    }

    private void GoTo(int pageIndex)
    {
        _pageIndex = Math.Clamp(pageIndex, 0, LastPage);
        ShowPage();
    }

    private int LastPage => OrderPage.LastIndex(_total, PageSize);

    private string PageText =>
        _total == 0 ? "No orders" : $"{(_pageIndex * PageSize) + 1}–{(_pageIndex * PageSize) + _page.Count} of {_total}";

    private string Matching(int total) =>
        _filters.IsEmpty ? $"{total} orders" : $"{total} of {_counts.Values.Sum()} orders match";

    private string StatusesText(IReadOnlyList<string> names) =>
        _filters.Statuses.Count == 0 ? string.Empty : string.Join(", ", OrderStatusNames.All.Where(_filters.Statuses.Contains).Select(status => status.ToDisplayName()));

    private string SupplierText(string? supplierId) =>
        string.IsNullOrEmpty(supplierId) ? "Every supplier" : Live.Suppliers().FirstOrDefault(supplier => supplier.Id == supplierId)?.Name ?? supplierId;

    private string DriverText(string? driverId) =>
        string.IsNullOrEmpty(driverId) ? "Any driver" : Live.FindDriver(driverId)?.Name ?? driverId;

    private static DateTime? Day(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    /// <summary>How the list names an order: the supplier's code, or the short id while it has none.</summary>
    internal static string Code(Order order) => OrderCode.Of(order);

    private void Select(OrderSelection selection)
    {
        if (selection.Selected)
        {
            _selected.Add(selection.OrderId);
        }
        else
        {
            _selected.Remove(selection.OrderId);
        }
    }

    private void SelectShown(ChangeEventArgs change)
    {
        foreach (var order in _page)
        {
            Select(new OrderSelection(order.Id, change.Value is true));
        }
    }

    private void ClearSelection() => _selected.Clear();

    private void Open(Guid orderId) => _shown.Show(orderId, Live.Find);

    private void DismissResults() => _results = [];

    private async Task CancelSelectedAsync()
    {
        var chosen = Chosen();
        var parameters = new DialogParameters<CancelOrdersDialog> { { dialog => dialog.Codes, [.. chosen.Select(Code)] } };
        var dialog = await Dialogs.ShowAsync<CancelOrdersDialog>("Cancel orders", parameters);
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        await BulkAsync(
            "Cancelling",
            chosen,
            ids => Orders.CancelEachAsync(Actor, ids, reason),
            _ => "cancelled",
            "cancelled");
    }

    private async Task AssignSelectedAsync()
    {
        var chosen = Chosen();
        var available = Live.Drivers().Where(driver => driver.Status == DriverStatus.Available).ToList();
        var parameters = new DialogParameters<AssignDriverDialog>
        {
            { dialog => dialog.Codes, [.. chosen.Select(Code)] },
            { dialog => dialog.Drivers, available },
        };
        var dialog = await Dialogs.ShowAsync<AssignDriverDialog>("Assign a driver", parameters);
        if (await dialog.Result is not { Canceled: false, Data: string driverId })
        {
            return;
        }

        var name = available.FirstOrDefault(driver => driver.Id == driverId)?.Name ?? driverId;
        await BulkAsync(
            $"Assigning {name} to",
            chosen,
            ids => Orders.AssignEachAsync(Actor, ids, driverId, id => Live.Find(id)?.Status == OrderStatus.Dispatched),
            _ => $"assigned to {name}",
            "assigned");
    }

    /// <summary>The selected orders the read model still has.</summary>
    private List<Order> Chosen() => [.. _selected.Select(Live.Find).OfType<Order>()];

    private async Task BulkAsync(
        string action, IReadOnlyList<Order> chosen, Func<IReadOnlyList<Guid>, Task<IReadOnlyList<BulkOutcome>>> apply, Func<Order, string> done, string verb)
    {
        _working = true;
        try
        {
            var codes = chosen.ToDictionary(order => order.Id, Code);
            var outcomes = await apply([.. chosen.Select(order => order.Id)]);
            _results = [.. outcomes.Select(outcome => BulkWords.Describe(outcome, codes[outcome.OrderId], outcome.Order is { } order ? done(order) : string.Empty, verb))];
            var applied = outcomes.Count(outcome => outcome.Done);
            _resultsTitle = $"{action} {CancelOrdersDialog.Describe([.. codes.Values])}: {applied} of {outcomes.Count} done";
            ClearSelection();
        }
        finally
        {
            _working = false;
        }

        Refresh();
    }
}
