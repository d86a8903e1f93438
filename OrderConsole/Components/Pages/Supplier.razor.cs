using System.Globalization;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Pages;

/// <summary>The supplier's desk: create orders, answer them, prepare them, cancel before dispatch.</summary>
public partial class Supplier : LivePage
{
    /// <summary>Phones show a keyboard with a decimal point, without number spinners (the field is text, read by FormNumbers).</summary>
    private const MudBlazor.InputMode DecimalInput = MudBlazor.InputMode.@decimal;

    private IReadOnlyList<Core.Orders.Supplier> _suppliers = [];
    private string _supplierId = string.Empty;
    private IReadOnlyList<Order> _queue = [];
    private Guid? _selectedId;
    private readonly ShownOrder _shown = new();

    /// <summary>Counts the refreshes, so the stock panel reads the levels again after the supplier's orders change.</summary>
    private long _revision;

    private OrderDraft _draft = new();
    private const string MarkupField = "markup_percentage";
    private const string NotesField = "notes";
    private const string MinutesField = "estimated_time";
    private const string RejectionField = "rejection_reason";
    private const string CancellationField = "cancellation_reason";

    private string? _markup;
    private string? _notes;
    private string? _minutes = "30";
    private string? _rejection;
    private string? _cancellation;

    private string NameOfSupplier(string? supplierId) => _suppliers.FirstOrDefault(supplier => supplier.Id == supplierId)?.Name ?? supplierId ?? string.Empty;

    private string SupplierName => _suppliers.FirstOrDefault(supplier => supplier.Id == _supplierId)?.Name ?? _supplierId;

    private Order? Selected => _selectedId is { } id ? Live.Find(id) : null;

    [Inject] private CurrentSettings Settings { get; set; } = default!;

    /// <summary>What an empty markup becomes: the supplier's own default, else the marketplace's in force.</summary>
    private string DefaultMarkup =>
        string.Create(CultureInfo.InvariantCulture, $"{_suppliers.FirstOrDefault(supplier => supplier.Id == _supplierId)?.DefaultMarkupPercentage ?? Settings.Value.DefaultMarkupPercentage:0.##} %");

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

        _revision++;
        _queue = [.. Live.Orders(order => order.SupplierId == _supplierId)
            .OrderBy(order => order.Status.IsFinal())
            .ThenBy(order => order.Status.IsFinal() ? -order.UpdatedAt.UtcTicks : order.CreatedAt.UtcTicks)];

        _shown.Follow();
    }

    private void ActAs(string supplierId)
    {
        _supplierId = supplierId;
        _selectedId = null;
        _shown.Hide();
        Refresh();
    }

    /// <summary>The order as the read model has it now, only while it is an order of the supplier this desk acts for.</summary>
    private Order? OwnOrder(Guid orderId) => Live.Find(orderId) is { } order && order.SupplierId == _supplierId ? order : null;

    private void Show(Order order) => _shown.Show(order.Id, OwnOrder);

    private void Open(Order order)
    {
        _selectedId = order.Id;
        Errors.Clear();
    }

    private async Task CreateAsync()
    {
        // Every field is checked at once, so every mistake shows beside its own field.
        Errors.Clear();
        var items = _draft.Check(Errors);
        var markup = CheckMarkup();
        if (items is null || Errors.Any)
        {
            return;
        }

        Order? created = null;
        if (await RunAsync("Order created", async () => created = await Orders.CreateAsync(Actor, new CreateOrder(_supplierId, items, markup))))
        {
            _draft = new OrderDraft();
            _selectedId = created?.Id;
        }
    }

    /// <summary>The markup as typed: empty means the default markup, said so beside the field; anything else must be a number.</summary>
    private decimal? CheckMarkup()
    {
        if (FormNumbers.IsBlank(_markup))
        {
            return null;
        }

        if (FormNumbers.ParseDecimal(_markup) is not { } markup)
        {
            Errors.Set(MarkupField, "Enter the markup as a number, like 30, or leave it empty");
            return null;
        }

        try
        {
            Pricing.EnsureMarkup(markup);
        }
        catch (OrderValidationException invalid)
        {
            Errors.Set(invalid.Field, invalid.Message);
        }

        return markup;
    }

    private Task AcceptAsync()
    {
        Errors.Clear();
        if (FormNumbers.ParseWhole(_minutes) is not { } minutes)
        {
            Errors.Set(MinutesField, "Enter the estimate in whole minutes, like 25");
            return Task.CompletedTask;
        }

        return RunAsync("Order accepted", () => Orders.AcceptAsSupplierAsync(Actor, _selectedId!.Value, _notes, minutes), _selectedId);
    }

    private async Task RejectAsync()
    {
        if (await ConfirmAsync($"Reject order {Selected?.SupplierTrackingId}? The customer will never see it.", "Reject order", "Yes, reject"))
        {
            await RunAsync("Order rejected", () => Orders.RejectAsSupplierAsync(Actor, _selectedId!.Value, _rejection), _selectedId);
        }
    }

    private Task AdvanceAsync(OrderStatus to) =>
        RunAsync($"Order is {to.ToDisplayName()}", () => Orders.AdvanceAsync(Actor, _selectedId!.Value, to), _selectedId);

    private async Task CancelAsync()
    {
        if (await ConfirmAsync($"Cancel order {Selected?.SupplierTrackingId}? This cannot be undone.", "Cancel order", "Yes, cancel")
            && await RunAsync("Order cancelled", () => Orders.CancelAsync(Actor, _selectedId!.Value, _cancellation), _selectedId))
        {
            _cancellation = null;
        }
    }
}
