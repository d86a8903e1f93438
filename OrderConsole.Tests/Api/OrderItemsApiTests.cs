using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>Over HTTP an order is a list of items; <c>pizza_name</c> with <c>supplier_price</c> is the seed's one-item form, in and out.</summary>
public sealed class OrderItemsApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task An_order_of_several_items_answers_with_every_item_and_pizza_name_lists_them_all()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");

        using var response = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new
        {
            items = new object[] { new { name = "Margherita", quantity = 2, unit_price = 9.5 }, new { name = "Tiramisu", quantity = 1, unit_price = 4 } },
        });
        var order = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            [("Margherita", 2, 9.5m), ("Tiramisu", 1, 4m)],
            order.GetProperty("items").EnumerateArray().Select(item => (item.GetProperty("name").GetString(), item.GetProperty("quantity").GetInt32(), item.GetProperty("unit_price").GetDecimal())));
        Assert.Equal("2× Margherita, Tiramisu", order.GetProperty("pizza_name").GetString());
        Assert.Equal(23m, order.GetProperty("supplier_price").GetDecimal());
    }

    [Fact]
    public async Task A_seed_order_of_pizza_name_and_supplier_price_is_one_item_and_reads_back_as_that_pizza()
    {
        using var supplier = await ApiClient.AsAsync(factory, "supplier1");
        var id = await supplier.CreateOrderAsync("Quattro Stagioni", 11m);

        var order = await (await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();

        var item = Assert.Single(order.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(("Quattro Stagioni", 1, 11m), (item.GetProperty("name").GetString(), item.GetProperty("quantity").GetInt32(), item.GetProperty("unit_price").GetDecimal()));
        Assert.Equal("Quattro Stagioni", order.GetProperty("pizza_name").GetString());
        Assert.Equal(11m, order.GetProperty("supplier_price").GetDecimal());
    }
}
