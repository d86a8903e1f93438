using Microsoft.AspNetCore.SignalR.Client;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using OrderConsole.Core.Orders;
using OrderConsole.Hubs;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hubs;

/// <summary>Who may join which room of <c>/hubs/orders</c>: the pages' visibility rules, refused in words.</summary>
public sealed class HubRoomAccessTests : IClassFixture<HubConsole>
{
    private readonly HubConsole _console;

    public HubRoomAccessTests(HubConsole console)
    {
        _console = console;
    }

    [Fact]
    public async Task A_supplier_cannot_join_another_suppliers_room()
    {
        await using var luigis = await HubClient.ConnectAsync(_console, "supplier1");

        var refused = await Assert.ThrowsAsync<HubException>(() => luigis.Connection.InvokeAsync("JoinSupplier", "napoli"));

        Assert.Contains("belongs to another supplier", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_in_its_own_room_hears_each_change_of_its_orders_once()
    {
        await using var luigis = await HubClient.ConnectAsync(_console, "supplier1");
        await luigis.Connection.InvokeAsync("JoinSupplier", "luigis");
        using var supplier = await ApiClient.AsAsync(_console, "supplier1");

        var id = await supplier.CreateOrderAsync("Diavola", 11m);
        await OrderSteps.ExpectAsync(supplier, $"/api/orders/{id}/supplier-respond?accept=true&estimated_time=25", "supplier_accepted");

        await Eventually.HoldsAsync(() => luigis.Changes.Count(change => change.OrderId == Guid.Parse(id)) >= 2, "the supplier's room hears the creation and the acceptance");
        await Eventually.SettleAsync();
        Assert.Equal(["order.created", "order.supplier_accepted"], luigis.Changes.Where(change => change.OrderId == Guid.Parse(id)).Select(change => change.EventType));
    }

    [Fact]
    public async Task A_supplier_cannot_join_the_room_of_another_suppliers_order()
    {
        using var napoli = await ApiClient.AsAsync(_console, "supplier2");
        var id = await napoli.CreateOrderAsync("Marinara", 9m);
        await using var luigis = await HubClient.ConnectAsync(_console, "supplier1");

        var refused = await Assert.ThrowsAsync<HubException>(() => luigis.Connection.InvokeAsync("JoinOrder", Guid.Parse(id)));

        Assert.Matches("^.*order [A-Z]+-[0-9]+ belongs to another supplier", refused.Message);
        Assert.DoesNotContain(id[..8], refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_customer_cannot_join_an_order_not_theirs()
    {
        await _console.AddUserAsync("customer-olga", Role.Customer);
        using var supplier = await ApiClient.AsAsync(_console, "supplier1");
        using var olga = await ApiClient.AsAsync(_console, "customer-olga");
        var id = await supplier.CreateOrderAsync("Capricciosa", 13m);
        await OrderSteps.ExpectAsync(supplier, $"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", "supplier_accepted");
        await OrderSteps.ExpectAsync(olga, $"/api/orders/{id}/customer-accept?customer_name=Olga&delivery_address=3%20Hill%20Rd", "customer_accepted");
        await using var other = await HubClient.ConnectAsync(_console, "customer");
        await using var owner = await HubClient.ConnectAsync(_console, "customer-olga");

        var refused = await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync("JoinOrder", Guid.Parse(id)));
        await owner.Connection.InvokeAsync("JoinOrder", Guid.Parse(id));

        Assert.Contains("is not one of your orders", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_cannot_follow_an_open_offer_they_have_not_accepted()
    {
        using var supplier = await ApiClient.AsAsync(_console, "supplier1");
        var id = await supplier.CreateOrderAsync("Bianca", 10m);
        await OrderSteps.ExpectAsync(supplier, $"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", "supplier_accepted");
        await using var customer = await HubClient.ConnectAsync(_console, "customer");

        var refused = await Assert.ThrowsAsync<HubException>(() => customer.Connection.InvokeAsync("JoinOrder", Guid.Parse(id)));

        Assert.Contains("is not one of your orders", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_driver_cannot_join_another_drivers_room_but_joins_their_own()
    {
        await using var ana = await HubClient.ConnectAsync(_console, "driver");

        var refused = await Assert.ThrowsAsync<HubException>(() => ana.Connection.InvokeAsync("JoinDriver", "drv-ben"));
        await ana.Connection.InvokeAsync("JoinDriver", "drv-ana");

        Assert.Equal("Ben Okafor's room is another driver's; a driver follows only their own room", ServerMessage(refused));
    }

    [Fact]
    public async Task A_driver_cannot_join_an_order_that_is_not_their_delivery()
    {
        using var supplier = await ApiClient.AsAsync(_console, "supplier1");
        var id = await supplier.CreateOrderAsync("Funghi", 10m);
        await using var ana = await HubClient.ConnectAsync(_console, "driver");

        var refused = await Assert.ThrowsAsync<HubException>(() => ana.Connection.InvokeAsync("JoinOrder", Guid.Parse(id)));

        Assert.Contains("is not one of your deliveries", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatcher_joins_any_supplier_and_driver_room()
    {
        await using var dispatcher = await HubClient.ConnectAsync(_console, "dispatcher");

        await dispatcher.Connection.InvokeAsync("JoinSupplier", "napoli");
        await dispatcher.Connection.InvokeAsync("JoinDriver", "drv-ben");
        var unknown = await Assert.ThrowsAsync<HubException>(() => dispatcher.Connection.InvokeAsync("JoinDriver", "drv-nobody"));

        Assert.Equal("there is no driver \"drv-nobody\"", ServerMessage(unknown));
    }

    [Fact]
    public async Task The_driver_an_order_is_put_on_is_told_in_their_room()
    {
        await using var ana = await HubClient.ConnectAsync(_console, "driver");
        await ana.Connection.InvokeAsync("JoinDriver", "drv-ana");
        using var supplier = await ApiClient.AsAsync(_console, "supplier1");
        using var customer = await ApiClient.AsAsync(_console, "customer");
        using var dispatcher = await ApiClient.AsAsync(_console, "dispatcher");

        await OrderSteps.FreeDriverAsync(dispatcher, "drv-ana");
        var id = await OrderSteps.ReadyOrderAsync(supplier, customer);
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/dispatch?driver_id=drv-ana", "dispatched");

        await Eventually.HoldsAsync(() => ana.Assignments.Any(order => order.Id == Guid.Parse(id)), "Ana hears that the order is hers");
        Assert.Contains(ana.Changes, change => change.OrderId == Guid.Parse(id) && change.EventType == "order.dispatched");
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/status?status=in_transit", "in_transit");
        await OrderSteps.ExpectAsync(dispatcher, $"/api/orders/{id}/status?status=delivered", "delivered");
    }

    [Fact]
    public async Task A_cookie_connection_opened_by_another_sites_page_is_refused()
    {
        using var browser = await SignedInClient.AsAsync(_console, "dispatcher");
        using var foreign = new HttpRequestMessage(HttpMethod.Post, new Uri($"{OrdersHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative));
        foreign.Headers.Add("Origin", "https://evil.example");
        using var own = new HttpRequestMessage(HttpMethod.Post, new Uri($"{OrdersHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative));
        own.Headers.Add("Origin", _console.Server.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var refused = await browser.SendAsync(foreign);
        using var accepted = await browser.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Nobody_connects_without_signing_in()
    {
        using var anonymous = _console.CreateClient();

        using var response = await anonymous.PostAsync(new Uri($"{OrdersHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The hub error's own words: the client puts its invocation's prefix before them.</summary>
    internal static string ServerMessage(HubException refused) =>
        refused.Message[(refused.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
}
