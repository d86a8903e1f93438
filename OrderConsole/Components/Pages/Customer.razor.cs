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

    private Guid? _selectedId;
    private string? _name;
    private string? _phone;
    private string? _address;

    private Order? Selected => _selectedId is { } id ? Live.Find(id) : null;

    protected override Role Desk => Role.Customer;

    protected override LiveFilter Filter => LiveFilter.Orders(order => order.Status != OrderStatus.PendingSupplier);

    protected override void Refresh()
    {
        _offers = [.. Live.Orders(order => order.Status == OrderStatus.SupplierAccepted).OrderBy(order => order.SupplierRespondedAt)];
        _accepted = Live.Orders(order => order.CustomerAcceptedAt is not null && OrderAccess.CanSee(Actor, order));
    }

    private void Open(Order order)
    {
        _selectedId = order.Id;
        Errors.Clear();
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

        if (await RunAsync("Offer accepted", () => Orders.AcceptOfferAsync(Actor, _selectedId!.Value, new CustomerDetails(_name, _phone, _address)), _selectedId))
        {
            _name = _phone = _address = null;
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
