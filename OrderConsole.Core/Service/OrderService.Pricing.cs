using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Core.Service;

/// <summary>
/// The customer's acceptance with the supplier's pricing rules and stock: the quote shown before accepting, and the
/// acceptance that keeps the same charges, reserves the stock and counts the discount code in one atomic write.
/// </summary>
public sealed partial class OrderService
{
    /// <summary>The offer's charges as accepting it now with this code and delivery place would fix them; changes nothing.</summary>
    public async Task<OrderCharges> QuoteAsync(Actor actor, Guid orderId, CustomerDetails customer, CancellationToken cancellationToken = default)
    {
        var order = await LoadVisibleAsync(actor, orderId, cancellationToken);
        var (rules, code, distance) = await PriceForAsync(order, customer, cancellationToken);
        return OrderCharges.Compute(order, rules, distance, code);
    }

    /// <summary>The acceptance of an offer: the customer's details, the charges under the supplier's rules, the stock it takes.</summary>
    private async Task<OrderCommand> OfferAcceptanceAsync(Actor actor, Guid orderId, CustomerDetails customer, CancellationToken cancellationToken)
    {
        var offer = await LoadVisibleAsync(actor, orderId, cancellationToken);
        var (rules, code, distance) = await PriceForAsync(offer, customer, cancellationToken);
        var levels = await store.GetStockAsync(offer.SupplierId, cancellationToken);
        return new(OrderStatus.CustomerAccepted, order =>
        {
            var accepted = OrderChanges.AcceptByCustomer(
                order, customer.Name, customer.Phone, customer.Address, clock.GetUtcNow(), actor.Role == Role.Customer ? actor.Name : null);
            var charges = OrderCharges.Compute(order, rules, distance, code);
            return accepted with
            {
                DeliveryLatitude = customer.DeliveryLatitude,
                DeliveryLongitude = customer.DeliveryLongitude,
                Charges = charges,
                CustomerPrice = charges.Total,
                ReservedStock = StockRules.Reserve(order.Items, levels),
            };
        })
        {
            Discount = code is null ? null : new DiscountUse(offer.SupplierId, code.Code, code.UsageLimit),
        };
    }

    private async Task<(PricingRules Rules, DiscountCode? Code, decimal? DistanceKm)> PriceForAsync(
        Order order, CustomerDetails customer, CancellationToken cancellationToken)
    {
        DeliveryPlace(customer.DeliveryLatitude, customer.DeliveryLongitude);
        var supplier = (await store.ListSuppliersAsync(cancellationToken)).FirstOrDefault(candidate => candidate.Id == order.SupplierId);
        var rules = supplier?.PricingRules ?? PricingRules.None;
        var code = DiscountCodes.Find(rules, customer.DiscountCode, clock.GetUtcNow());
        var distance = OrderCharges.Distance(supplier?.Latitude, supplier?.Longitude, customer.DeliveryLatitude, customer.DeliveryLongitude);
        return (rules, code, distance);
    }

    /// <summary>
    /// The stock a transition takes or gives back, in one rule: acceptance takes what the accepted order reserved;
    /// cancellation or rejection gives back what the order holds (both are final, so nothing is given back twice).
    /// </summary>
    private static IReadOnlyList<StockChange> StockChanges(Order order, Order next) => next.Status switch
    {
        OrderStatus.CustomerAccepted => [.. next.ReservedStock.Select(held => new StockChange(next.SupplierId, held.Item, -held.Quantity))],
        OrderStatus.Cancelled or OrderStatus.SupplierRejected => [.. order.ReservedStock.Select(held => new StockChange(order.SupplierId, held.Item, held.Quantity))],
        _ => [],
    };

    private static void DeliveryPlace(double? latitude, double? longitude)
    {
        if (latitude is null != longitude is null)
        {
            throw new OrderValidationException(latitude is null ? "delivery_latitude" : "delivery_longitude", "give both the delivery latitude and longitude, or neither");
        }

        if (latitude is not null and not (>= -90 and <= 90))
        {
            throw new OrderValidationException("delivery_latitude", "the delivery latitude must be between -90 and 90 degrees");
        }

        if (longitude is not null and not (>= -180 and <= 180))
        {
            throw new OrderValidationException("delivery_longitude", "the delivery longitude must be between -180 and 180 degrees");
        }
    }
}
