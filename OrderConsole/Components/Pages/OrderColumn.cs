using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>A column of All orders: its heading, and what it sorts by (the API's sort keys) when it can be sorted.</summary>
public sealed record OrderColumn(string Title, OrderSort? SortKey = null)
{
    /// <summary>The columns after the selection box, in order.</summary>
    public static IReadOnlyList<OrderColumn> All { get; } =
    [
        new("Order", OrderSort.Code),
        new("Tracking"),
        new("Supplier", OrderSort.Supplier),
        new("Items"),
        new("Customer", OrderSort.Customer),
        new("Driver", OrderSort.Driver),
        new("Status", OrderSort.Status),
        new("Created", OrderSort.Created),
        new("Changed", OrderSort.Changed),
        new("Tracker"),
    ];

    public bool Sortable => SortKey is not null;
}

/// <summary>How All orders is sorted: by one column, ascending or descending; with none, newest change first.</summary>
public sealed record ColumnSort(OrderColumn Column, bool Descending)
{
    /// <summary>The sort after a click on <paramref name="column"/>'s heading: ascending, then descending, then none.</summary>
    public static ColumnSort? Next(ColumnSort? current, OrderColumn column) =>
        current?.Column != column ? new ColumnSort(column, Descending: false)
        : current.Descending ? null
        : current with { Descending = true };

    /// <summary>The heading's <c>aria-sort</c>: how assistive technology reads the sorted column; null on the others.</summary>
    public static string? AriaSort(ColumnSort? current, OrderColumn column) =>
        current?.Column != column ? null : current.Descending ? "descending" : "ascending";

    /// <summary>The arrow beside the sorted heading (hidden from assistive technology, which reads <see cref="AriaSort"/>).</summary>
    public static string Mark(ColumnSort? current, OrderColumn column) =>
        current?.Column != column ? string.Empty : current.Descending ? "↓" : "↑";
}

/// <summary>A row's selection box was ticked or cleared.</summary>
public sealed record OrderSelection(Guid OrderId, bool Selected);
