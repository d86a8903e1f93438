using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Service;

/// <summary>The service enforces who may do what; orders an actor may not see look like orders that do not exist.</summary>
public sealed class PermissionTests
{
    [Fact]
    public async Task A_supplier_may_create_orders_for_their_own_supplier_only()
    {
        var market = await Marketplace.OpenAsync();

        var own = await market.CreateOrderAsync(Marketplace.NapoliSupplier, supplierId: "napoli");
        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.CreateOrderAsync(Marketplace.NapoliSupplier, supplierId: "luigis"));

        Assert.Equal("NAP-1", own.SupplierTrackingId);
    }

    [Theory]
    [InlineData(Role.Customer)]
    [InlineData(Role.Dispatcher)]
    [InlineData(Role.Driver)]
    public async Task Only_suppliers_and_admins_create_orders(Role role)
    {
        var market = await Marketplace.OpenAsync();

        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.CreateOrderAsync(new Actor("someone", role, "luigis", "drv-ana")));
    }

    [Fact]
    public async Task A_supplier_cannot_accept_another_suppliers_order()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.AcceptAsSupplierAsync(Marketplace.NapoliSupplier, order.Id, null, 30));

        Assert.Equal(OrderStatus.PendingSupplier, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task A_supplier_cannot_cancel_another_suppliers_order()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Preparing);

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.CancelAsync(Marketplace.NapoliSupplier, order.Id, "not mine"));
    }

    [Fact]
    public async Task A_driver_moves_their_own_delivery_along()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        var inTransit = await market.Orders.AdvanceAsync(Marketplace.AnaDriving, order.Id, OrderStatus.InTransit);

        Assert.Equal(OrderStatus.InTransit, inTransit.Status);
    }

    [Fact]
    public async Task A_driver_cannot_act_on_another_drivers_delivery()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Dispatched, driverId: "drv-ana");

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.AdvanceAsync(Marketplace.BenDriving, order.Id, OrderStatus.InTransit));

        Assert.Equal(OrderStatus.Dispatched, (await market.Store.GetAsync(order.Id))!.Status);
    }

    [Fact]
    public async Task A_customer_cannot_mark_an_order_as_preparing()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.CustomerAccepted);

        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.AdvanceAsync(Marketplace.Customer, order.Id, OrderStatus.Preparing));
    }

    [Fact]
    public async Task A_customer_cannot_cancel_once_preparing_has_started()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Preparing);

        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.CancelAsync(Marketplace.Customer, order.Id, "hungry elsewhere"));
    }

    [Fact]
    public async Task A_supplier_cannot_dispatch_a_driver()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.OrderInStatusAsync(OrderStatus.Ready);

        await Assert.ThrowsAsync<ForbiddenOrderActionException>(() => market.Orders.DispatchAsync(Marketplace.LuigisSupplier, order.Id, "drv-ana"));
    }

    [Fact]
    public async Task A_supplier_cannot_read_another_suppliers_order()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync();

        await Assert.ThrowsAsync<OrderNotFoundException>(() => market.Orders.GetAsync(Marketplace.NapoliSupplier, order.Id));
        Assert.Equal(order.Id, (await market.Orders.GetAsync(Marketplace.LuigisSupplier, order.Id)).Id);
    }

    [Fact]
    public async Task An_admin_may_do_everything()
    {
        var market = await Marketplace.OpenAsync();
        var order = await market.CreateOrderAsync(Marketplace.Admin);

        order = await market.Orders.AcceptAsSupplierAsync(Marketplace.Admin, order.Id, null, 20);
        order = await market.Orders.AcceptOfferAsync(Marketplace.Admin, order.Id, new CustomerDetails("Tom Becker", null, "88 Elm Avenue"));
        order = await market.Orders.AdvanceAsync(Marketplace.Admin, order.Id, OrderStatus.Preparing);
        order = await market.Orders.AdvanceAsync(Marketplace.Admin, order.Id, OrderStatus.Ready);
        order = await market.Orders.DispatchAsync(Marketplace.Admin, order.Id, "drv-ben");
        order = await market.Orders.AdvanceAsync(Marketplace.Admin, order.Id, OrderStatus.InTransit);
        order = await market.Orders.AdvanceAsync(Marketplace.Admin, order.Id, OrderStatus.Delivered);

        Assert.Equal(OrderStatus.Delivered, order.Status);
    }
}
