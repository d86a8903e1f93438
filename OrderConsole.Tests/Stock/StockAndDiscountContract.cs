using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Stock;

/// <summary>
/// What stock and discount codes promise on every store, through the order service: reservation at acceptance,
/// release on cancellation, refusal in words that changes nothing, and limits that hold when many race.
/// Subclasses give two services on one store (two instances on Redis, one embedded store twice).
/// </summary>
public abstract class StockAndDiscountContract
{
    private const int Racers = 200;

    /// <summary>Two order services sharing one fresh store with Luigi's, Napoli and two drivers.</summary>
    protected abstract Task<(OrderService First, OrderService Second, IOrderStore Store)> OpenAsync();

    [Fact]
    public async Task Two_hundred_concurrent_acceptances_of_the_last_items_never_drive_stock_below_zero()
    {
        var (first, second, store) = await OpenAsync();
        await store.SetStockAsync("luigis", "Margherita", 37);
        var offers = await OffersAsync(first, Racers, "Margherita");

        var outcomes = await RaceAsync(offers, (order, i) => (i % 2 == 0 ? first : second).AcceptOfferAsync(Marketplace.Customer, order.Id, Marketplace.Maya));

        Assert.Equal(37, outcomes.Accepted);
        Assert.Equal(Racers - 37, outcomes.Refusals.Count);
        Assert.All(outcomes.Refusals, refusal => Assert.IsType<OutOfStockException>(refusal));
        Assert.Equal(0, Assert.Single(await store.GetStockAsync("luigis")).Quantity);
        var accepted = await store.ListAsync(new OrderQuery { Statuses = [OrderStatus.CustomerAccepted], Limit = 1000 });
        Assert.Equal(37, accepted.Count);
    }

    [Fact]
    public async Task Accepting_takes_the_items_from_stock_and_cancelling_gives_them_back()
    {
        var (orders, _, store) = await OpenAsync();
        await store.SetStockAsync("luigis", "Margherita", 10);
        var offer = (await OffersAsync(orders, 1, "margherita ", quantity: 3))[0];

        var accepted = await orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, Marketplace.Maya);
        var afterAcceptance = Assert.Single(await store.GetStockAsync("luigis")).Quantity;
        await orders.CancelAsync(Marketplace.LuigisSupplier, offer.Id, "Oven broke");

        Assert.Equal([new StockReservation("Margherita", 3)], accepted.ReservedStock);
        Assert.Equal(7, afterAcceptance);
        Assert.Equal(10, Assert.Single(await store.GetStockAsync("luigis")).Quantity);
    }

    [Fact]
    public async Task An_item_out_of_stock_refuses_acceptance_naming_it_and_what_is_left_and_changes_nothing()
    {
        var (orders, _, store) = await OpenAsync();
        await store.SetStockAsync("luigis", "Margherita", 2);
        var offer = (await OffersAsync(orders, 1, "Margherita", quantity: 3))[0];

        var refused = await Assert.ThrowsAsync<OutOfStockException>(() => orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, Marketplace.Maya));

        Assert.Equal("Margherita is out of stock: 2 left, and this order needs 3; the supplier can restock it", refused.Message);
        var stored = (await store.GetAsync(offer.Id))!;
        Assert.Equal((OrderStatus.SupplierAccepted, offer.Version), (stored.Status, stored.Version));
        Assert.Equal(2, Assert.Single(await store.GetStockAsync("luigis")).Quantity);
    }

    [Fact]
    public async Task The_store_itself_refuses_a_reservation_the_stock_no_longer_covers()
    {
        // The service's own look at the stock can be stale; the atomic write is what holds the line.
        var (orders, _, store) = await OpenAsync();
        await store.SetStockAsync("luigis", "Margherita", 1);
        var offer = (await OffersAsync(orders, 1, "Margherita"))[0];
        var current = (await store.GetAsync(offer.Id))!;
        var next = OrderChanges.AcceptByCustomer(current, "Maya", null, "12 Harbor St", current.UpdatedAt);
        var transition = new OrderTransition(next, current.Status, current.Version, "order.customer_accepted", "maya", Guid.NewGuid().ToString("N"))
        {
            Stock = [new StockChange("luigis", "MARGHERITA", -2)],
        };

        var refused = await Assert.ThrowsAsync<OutOfStockException>(() => store.ApplyAsync(transition));

        Assert.Equal("Margherita is out of stock: 1 left, and this order needs 2; the supplier can restock it", refused.Message);
        Assert.Equal(OrderStatus.SupplierAccepted, (await store.GetAsync(offer.Id))!.Status);
    }

    [Fact]
    public async Task An_item_without_a_stock_level_is_unlimited()
    {
        var (orders, _, store) = await OpenAsync();
        await store.SetStockAsync("luigis", "Tiramisu", 1);
        var offer = (await OffersAsync(orders, 1, "Margherita", quantity: 50))[0];

        var accepted = await orders.AcceptOfferAsync(Marketplace.Customer, offer.Id, Marketplace.Maya);

        Assert.Equal(OrderStatus.CustomerAccepted, accepted.Status);
        Assert.Empty(accepted.ReservedStock);
        Assert.Equal(1, Assert.Single(await store.GetStockAsync("luigis")).Quantity);
    }

    [Fact]
    public async Task Removing_a_stock_level_makes_the_item_unlimited_again()
    {
        var (_, _, store) = await OpenAsync();
        await store.SetStockAsync("luigis", "Margherita", 4);

        await store.SetStockAsync("luigis", "MARGHERITA", null);

        Assert.Empty(await store.GetStockAsync("luigis"));
    }

    [Fact]
    public async Task A_discount_codes_usage_limit_holds_under_concurrent_acceptances()
    {
        var (first, second, store) = await OpenAsync();
        await SaveRulesAsync(store, new PricingRules { DiscountCodes = [new DiscountCode("WELCOME10", DiscountKind.Percent, 10m) { UsageLimit = 12 }] });
        var offers = await OffersAsync(first, 60, "Margherita");
        var customer = Marketplace.Maya with { DiscountCode = "welcome10" };

        var outcomes = await RaceAsync(offers, (order, i) => (i % 2 == 0 ? first : second).AcceptOfferAsync(Marketplace.Customer, order.Id, customer));

        Assert.Equal(12, outcomes.Accepted);
        Assert.All(outcomes.Refusals, refusal => Assert.IsType<DiscountUsedUpException>(refusal));
        Assert.Equal(12, (await store.GetDiscountUsesAsync("luigis"))["WELCOME10"]);
    }

    [Fact]
    public async Task A_used_up_code_refuses_acceptance_and_the_order_and_stock_stay_as_they_were()
    {
        var (orders, _, store) = await OpenAsync();
        await SaveRulesAsync(store, new PricingRules { DiscountCodes = [new DiscountCode("ONCE", DiscountKind.Amount, 2m) { UsageLimit = 1 }] });
        await store.SetStockAsync("luigis", "Margherita", 5);
        var offers = await OffersAsync(orders, 2, "Margherita");
        var customer = Marketplace.Maya with { DiscountCode = "ONCE" };
        await orders.AcceptOfferAsync(Marketplace.Customer, offers[0].Id, customer);

        var refused = await Assert.ThrowsAsync<DiscountUsedUpException>(() => orders.AcceptOfferAsync(Marketplace.Customer, offers[1].Id, customer));

        Assert.Equal("the discount code ONCE has been used up (its limit is 1 uses); remove it or try another", refused.Message);
        Assert.Equal(OrderStatus.SupplierAccepted, (await store.GetAsync(offers[1].Id))!.Status);
        Assert.Equal(4, Assert.Single(await store.GetStockAsync("luigis")).Quantity);
        Assert.Equal(1, (await store.GetDiscountUsesAsync("luigis"))["ONCE"]);
    }

    private static async Task SaveRulesAsync(IOrderStore store, PricingRules rules) =>
        await store.SaveSupplierAsync(Samples.Luigis with { PricingRules = rules });

    /// <summary>Luigi's orders of <paramref name="quantity"/>× <paramref name="item"/> the supplier has accepted: offers awaiting a customer.</summary>
    private static async Task<IReadOnlyList<Order>> OffersAsync(OrderService orders, int count, string item, int quantity = 1)
    {
        var offers = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            var order = await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem(item, quantity, 10m)]));
            offers.Add(await orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));
        }

        return offers;
    }

    private static async Task<(int Accepted, IReadOnlyList<Exception> Refusals)> RaceAsync(IReadOnlyList<Order> offers, Func<Order, int, Task<Order>> accept)
    {
        using var start = new ManualResetEventSlim();
        var racers = offers.Select((order, i) => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await accept(order, i);
                return (Exception?)null;
            }
            catch (OrderDomainException refused)
            {
                return refused;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(racers);
        return (outcomes.Count(outcome => outcome is null), [.. outcomes.OfType<Exception>()]);
    }
}
