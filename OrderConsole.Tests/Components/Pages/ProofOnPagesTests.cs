using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Proof;
using OrderConsole.Tests.Support;
using OrdersPage = OrderConsole.Components.Pages.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>
/// A delivery's proof where people look for it: staff see the photo and the signature on the tracker and in the order
/// drawer; a customer, on the tracker and in their own drawer, sees who received their order and when, and no image,
/// which the proof endpoints would refuse them.
/// </summary>
public sealed class ProofOnPagesTests : ConsoleTestContext
{
    [Fact]
    public async Task Staff_see_the_photo_and_the_signature_on_the_tracker()
    {
        SignIn("dispatcher", Role.Dispatcher);
        var delivered = await DeliveredWithProofAsync();

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, delivered.Id));

        page.WaitForAssertion(() =>
        {
            var proof = page.Find(".proof-of-delivery");
            Assert.Contains("Jane Doe", proof.TextContent, StringComparison.Ordinal);
            Assert.Equal(
                [$"/api/orders/{delivered.Id}/proof/photo?v={delivered.Proof!.Id}", $"/api/orders/{delivered.Id}/proof/signature?v={delivered.Proof.Id}"],
                proof.QuerySelectorAll("img").Select(image => image.GetAttribute("src")));
        });
    }

    [Fact]
    public async Task A_customer_on_the_tracker_sees_who_received_the_order_and_no_image()
    {
        SignIn(Marketplace.Customer.Name, Role.Customer);
        var delivered = await DeliveredWithProofAsync();

        var page = Render<Tracker>(parameters => parameters.Add(tracker => tracker.Id, delivered.Id));

        page.WaitForAssertion(() => Assert.Contains("Jane Doe", page.Find(".proof-of-delivery .proof-facts").TextContent, StringComparison.Ordinal));
        Assert.Equal("The photo and the signature are kept for staff.", page.Find(".proof-staff-only").TextContent);
        Assert.Empty(page.FindAll(".proof-of-delivery img"));
        Assert.DoesNotContain("/proof/", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_order_drawer_on_all_orders_shows_a_delivered_orders_proof()
    {
        SignIn("dispatcher", Role.Dispatcher);
        var delivered = await DeliveredWithProofAsync();
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith(delivered.SupplierTrackingId)));

        await page.ClickAsync($"Details of {delivered.SupplierTrackingId}");

        page.WaitForAssertion(() =>
        {
            var proof = page.Find(".order-details .proof-of-delivery");
            Assert.Contains("Jane Doe", proof.TextContent, StringComparison.Ordinal);
            Assert.Equal(2, proof.QuerySelectorAll("img").Length);
        });
    }

    [Fact]
    public async Task A_customers_delivered_order_opens_in_place_saying_who_received_it_with_no_image()
    {
        SignIn(Marketplace.Customer.Name, Role.Customer);
        var delivered = await DeliveredWithProofAsync();
        var page = Render<Customer>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[aria-label='Details of {delivered.SupplierTrackingId}']")));

        await page.ClickAsync($"Details of {delivered.SupplierTrackingId}");

        page.WaitForAssertion(() =>
        {
            var details = page.Find(".order-details");
            Assert.Contains($"Order {delivered.SupplierTrackingId}", details.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Jane Doe", details.QuerySelector(".proof-facts")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(details.QuerySelectorAll("img"));
            Assert.DoesNotContain("/proof/", details.InnerHtml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_delivery_under_way_on_the_dashboard_opens_its_details_in_place()
    {
        var order = await OrderInStatusAsync(OrderStatus.InTransit, "Dashboard Calzone");
        await SeenLiveAsync(order);
        SignIn("admin", Role.Admin);
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[aria-label='Details of {order.SupplierTrackingId}']")));

        await page.ClickAsync($"Details of {order.SupplierTrackingId}");

        page.WaitForAssertion(() =>
        {
            var details = page.Find(".order-details");
            Assert.Contains($"Order {order.SupplierTrackingId}", details.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Dashboard Calzone", details.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(details.QuerySelectorAll(".track-timeline [role=listitem]"));
        });
    }

    /// <summary>An order Ana delivered to "Jane Doe" with a photo and a signature, as the read model has it.</summary>
    private async Task<Order> DeliveredWithProofAsync()
    {
        var order = await OrderInStatusAsync(OrderStatus.InTransit);
        var proofs = Services.GetRequiredService<ProofOfDelivery>();
        var delivered = await proofs.DeliverAsync(Marketplace.AnaDriving, order.Id, new ProofUpload("Jane Doe", TestImages.Jpeg(), TestImages.Signature()));
        await SeenLiveAsync(delivered);
        return delivered;
    }
}
