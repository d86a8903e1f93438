using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Pages;

/// <summary>The customer's view: priced offers with their breakdown, accepting one, and the orders accepted so far.</summary>
public partial class Customer : LivePage
{
    private IReadOnlyList<Order> _offers = [];
    private IReadOnlyList<Order> _accepted = [];
    private const string NameField = "customer_name";
    private const string PhoneField = "customer_phone";
    private const string AddressField = "delivery_address";
    private const string CodeField = DiscountCodes.Field;

    private Guid? _selectedId;
    private string? _name;
    private string? _phone;
    private string? _address;
    private string? _code;

    /// <summary>The code the quote was made with: the one acceptance uses.</summary>
    private string? _appliedCode;
    private OrderCharges? _quote;

    private Order? Selected => _selectedId is { } id ? Live.Find(id) : null;

    private readonly ShownOrder _shown = new();

    protected override Role Desk => Role.Customer;

    protected override LiveFilter Filter => LiveFilter.Orders(order => order.Status != OrderStatus.PendingSupplier);

    protected override void Refresh()
    {
        _offers = [.. Live.Orders(order => order.Status == OrderStatus.SupplierAccepted).OrderBy(order => order.SupplierRespondedAt)];
        _accepted = Live.Orders(order => order.CustomerAcceptedAt is not null && OrderAccess.CanSee(Actor, order));
        _shown.Follow();
    }

    private Order? Accepted(Guid orderId) => _accepted.FirstOrDefault(order => order.Id == orderId);

    private void Show(Order order) => _shown.Show(order.Id, Accepted);

    private async Task Open(Order order)
    {
        _selectedId = order.Id;
        _code = _appliedCode = null;
        Errors.Clear();
        await QuoteAsync();
    }

    /// <summary>Prices the offer with the code typed, so the breakdown shows what accepting would cost; a refused code shows beside its field.</summary>
    private async Task ApplyCodeAsync()
    {
        Errors.Clear();
        await QuoteAsync(_code);
    }

    private async Task QuoteAsync(string? code = null)
    {
        if (_selectedId is not { } id)
        {
            return;
        }

        try
        {
            _quote = await Orders.QuoteAsync(Actor, id, new CustomerDetails(null, null, null) { DiscountCode = code });
            _appliedCode = code;
        }
        catch (OrderValidationException invalid)
        {
            Errors.Set(invalid.Field, invalid.Message);
        }
    }

    /// <summary>A customer may cancel their own order until the supplier starts preparing it.</summary>
    private async Task CancelAsync(Order order)
    {
        if (await ConfirmAsync($"Cancel order {order.SupplierTrackingId} ({OrderItem.Summary(order.Items)})? This cannot be undone.", "Cancel order", "Yes, cancel"))
        {
            await RunAsync($"Order {order.SupplierTrackingId} cancelled", () => Orders.CancelAsync(Actor, order.Id, "Cancelled by the customer"), order.Id);
        }
    }

    private async Task AcceptAsync()
    {
        // The domain's own field rules, each on its own, so every mistake shows beside its field at once.
        Errors.Clear();
        Check(() => OrderInput.Required(_name, NameField, OrderInput.MaxNameLength));
        Check(() => OrderInput.Phone(_phone));
        Check(() => OrderInput.Required(_address, AddressField, OrderInput.MaxAddressLength));
        if (Errors.Any)
        {
            return;
        }

        if (await RunAsync("Offer accepted", () => Orders.AcceptOfferAsync(Actor, _selectedId!.Value, new CustomerDetails(_name, _phone, _address) { DiscountCode = _appliedCode }), _selectedId))
        {
            _name = _phone = _address = _code = _appliedCode = null;
        }
    }

    private void Check(Func<string?> rule)
    {
        try
        {
            rule();
        }
        catch (OrderValidationException invalid)
        {
            Errors.Set(invalid.Field, invalid.Message);
        }
    }
}
