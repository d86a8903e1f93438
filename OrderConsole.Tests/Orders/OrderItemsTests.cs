using System.Text.Json.Nodes;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Orders;

/// <summary>An order is a list of items; <c>pizza_name</c> is only the seed's alias, and never reads as the first item alone.</summary>
public sealed class OrderItemsTests
{
    [Fact]
    public void The_seed_alias_of_a_one_item_order_is_that_items_name()
    {
        var order = Create(new OrderItem("Margherita", 1, 10m));

        Assert.Equal("Margherita", order.PizzaName);
    }

    [Fact]
    public void The_seed_alias_of_an_order_of_several_items_lists_every_item()
    {
        var order = Create(new OrderItem("Margherita", 2, 9.50m), new OrderItem("Tiramisu", 1, 4m));

        Assert.Equal("2× Margherita, Tiramisu", order.PizzaName);
    }

    [Fact]
    public void The_summary_shows_a_quantity_only_where_it_is_more_than_one()
    {
        Assert.Equal("Tiramisu, 3× Garlic Bread", OrderItem.Summary([new OrderItem("Tiramisu", 1, 4m), new OrderItem("Garlic Bread", 3, 3.25m)]));
    }

    [Fact]
    public void The_seed_alias_is_not_read_back_from_the_wire()
    {
        var order = Create(new OrderItem("Margherita", 2, 9.50m), new OrderItem("Tiramisu", 1, 4m));
        var wire = JsonNode.Parse(WireJson.Serialize(order))!;
        wire["pizza_name"] = "Something else";

        var read = WireJson.Deserialize<Order>(wire.ToJsonString());

        Assert.Equal("2× Margherita, Tiramisu", read.PizzaName);
        Assert.Equal(order.Items, read.Items);
    }

    private static Order Create(params OrderItem[] items) =>
        OrderChanges.Create(Samples.Luigis, items, null, Samples.At, "12345678", TrackingCodes.NewTrackingToken());
}
