using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Pages;

/// <summary>The supplier's desk: create orders, answer them, prepare them, cancel before dispatch.</summary>
public partial class Supplier : LivePage
{
    private IReadOnlyList<Core.Orders.Supplier> _suppliers = [];
    private string _supplierId = string.Empty;
    private IReadOnlyList<Order> _queue = [];
    private Guid? _selectedId;

    private OrderDraft _draft = new();
    private decimal? _markup = Pricing.DefaultMarkupPercentage;
    private string? _notes;
    private int? _minutes = 30;
    private string? _rejection;
    private string? _cancellation;

    private string SupplierName => _suppliers.FirstOrDefault(supplier => supplier.Id == _supplierId)?.Name ?? _supplierId;

    private Order? Selected => _selectedId is { } id ? Live.Find(id) : null;

    protected override Role Desk => Role.Supplier;

    protected override LiveFilter Filter => LiveFilter.Orders(order => order.SupplierId == _supplierId);

    /// <summary>Active orders first, longest waiting on top; finished ones after, newest first.</summary>
    protected override void Refresh()
    {
        // A supplier works on their own supplier's orders only; an admin picks which supplier to act for.
        _suppliers = Actor.SupplierId is { } own ? [.. Live.Suppliers().Where(supplier => supplier.Id == own)] : Live.Suppliers();
        if (_supplierId.Length == 0 && _suppliers.Count > 0)
        {
            _supplierId = _suppliers[0].Id;
        }

        _queue = [.. Live.Orders(order => order.SupplierId == _supplierId)
            .OrderBy(order => order.Status.IsFinal())
            .ThenBy(order => order.Status.IsFinal() ? -order.UpdatedAt.UtcTicks : order.CreatedAt.UtcTicks)];
    }

    private void ActAs(string supplierId)
    {
        _supplierId = supplierId;
        _selectedId = null;
        Refresh();
    }

    private void Open(Order order)
    {
        _selectedId = order.Id;
        Errors.Clear();
    }

    private async Task CreateAsync()
    {
        Errors.Clear();
        if (_draft.Check(Errors) is not { } items)
        {
            return;
        }

        Order? created = null;
        if (await RunAsync("Order created", async () => created = await Orders.CreateAsync(Actor, new CreateOrder(_supplierId, items, _markup))))
        {
            _draft = new OrderDraft();
            _selectedId = created?.Id;
        }
    }

    private Task AcceptAsync() =>
        RunAsync("Order accepted", () => Orders.AcceptAsSupplierAsync(Actor, _selectedId!.Value, _notes, _minutes));

    private async Task RejectAsync()
    {
        if (await ConfirmAsync($"Reject order {Selected?.SupplierTrackingId}? The customer will never see it.", "Reject order", "Yes, reject"))
        {
            await RunAsync("Order rejected", () => Orders.RejectAsSupplierAsync(Actor, _selectedId!.Value, _rejection));
        }
    }

    private Task AdvanceAsync(OrderStatus to) =>
        RunAsync($"Order is {to.ToDisplayName()}", () => Orders.AdvanceAsync(Actor, _selectedId!.Value, to));

    private async Task CancelAsync()
    {
        if (await ConfirmAsync($"Cancel order {Selected?.SupplierTrackingId}? This cannot be undone.", "Cancel order", "Yes, cancel")
            && await RunAsync("Order cancelled", () => Orders.CancelAsync(Actor, _selectedId!.Value, _cancellation)))
        {
            _cancellation = null;
        }
    }
}
