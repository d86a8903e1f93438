using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The status badge in bUnit: a status in words, and a badge that follows its order.</summary>
public sealed class OrderStatusBadgeTests : ControlTestContext
{
    [Theory]
    [InlineData(OrderStatus.PendingSupplier, "status-pending_supplier", "pending supplier")]
    [InlineData(OrderStatus.SupplierAccepted, "status-supplier_accepted", "supplier accepted")]
    [InlineData(OrderStatus.SupplierRejected, "status-supplier_rejected", "supplier rejected")]
    [InlineData(OrderStatus.CustomerAccepted, "status-customer_accepted", "customer accepted")]
    [InlineData(OrderStatus.Preparing, "status-preparing", "preparing")]
    [InlineData(OrderStatus.Ready, "status-ready", "ready")]
    [InlineData(OrderStatus.Dispatched, "status-dispatched", "dispatched")]
    [InlineData(OrderStatus.InTransit, "status-in_transit", "in transit")]
    [InlineData(OrderStatus.Delivered, "status-delivered", "delivered")]
    [InlineData(OrderStatus.Cancelled, "status-cancelled", "cancelled")]
    public void A_badge_says_the_status_in_words_and_is_coloured_by_status(OrderStatus status, string cssClass, string text)
    {
        var badge = Render<OrderStatusBadge>(parameters => parameters.Add(control => control.Status, status)).Find("span.status");

        Assert.Equal(text, badge.TextContent);
        Assert.Equal(["status", cssClass], badge.ClassList);
    }

    [Fact]
    public void When_the_order_moves_on_the_badge_says_the_new_status()
    {
        var badge = Render<OrderStatusBadge>(parameters => parameters.Add(control => control.Status, OrderStatus.Ready));

        badge.Render(parameters => parameters.Add(control => control.Status, OrderStatus.InTransit));

        Assert.Equal("in transit", badge.Find("span.status").TextContent);
        Assert.DoesNotContain("status-ready", badge.Find("span.status").ClassList);
    }
}
