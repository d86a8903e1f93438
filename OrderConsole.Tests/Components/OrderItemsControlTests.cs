using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components;

/// <summary>The one control every page shows an order's items with: the compact line, and the whole list one click away.</summary>
public sealed class OrderItemsControlTests : BunitContext, IAsyncLifetime
{
    private static readonly Order s_twoItems = OrderChanges.Create(
        Samples.Luigis, [new OrderItem("Margherita", 2, 9.50m), new OrderItem("Tiramisu", 1, 4m)], null, Samples.At, "12345678", TrackingCodes.NewTrackingToken())
        with { SupplierTrackingId = "LUI-7" };

    public OrderItemsControlTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new MoneyFormat(null));
    }

    [Fact]
    public void Several_items_read_compactly_with_their_quantities()
    {
        var items = Render<OrderItems>(parameters => parameters.Add(control => control.Order, s_twoItems));

        Assert.Equal("2× Margherita, Tiramisu", items.Find("button").Text());
        Assert.Empty(items.FindAll("[role=listitem]"));
    }

    [Fact]
    public async Task One_click_opens_the_whole_list_and_another_closes_it()
    {
        var items = Render<OrderItems>(parameters => parameters.Add(control => control.Order, s_twoItems));

        await items.Find("button").ClickAsync(new());

        Assert.Equal("true", items.Find("button").GetAttribute("aria-expanded"));
        Assert.Equal(["2× Margherita", "1× Tiramisu"], items.FindAll("[role=listitem]").Select(line => line.Text()));
        Assert.Equal("Items of LUI-7", items.Find("[role=list]").GetAttribute("aria-label"));
        Assert.Equal(items.Find("[role=list]").Id, items.Find("button").GetAttribute("aria-controls"));

        await items.Find("button").ClickAsync(new());

        Assert.Equal("false", items.Find("button").GetAttribute("aria-expanded"));
        Assert.Empty(items.FindAll("[role=listitem]"));
    }

    [Fact]
    public void Expanded_shows_every_line_at_once_with_prices_when_asked()
    {
        var items = Render<OrderItems>(parameters => parameters
            .Add(control => control.Order, s_twoItems).Add(control => control.Expanded, true).Add(control => control.ShowPrices, true));

        Assert.Empty(items.FindAll("button"));
        Assert.Equal(
            ["2× Margherita $9.50 each · $19.00", "1× Tiramisu $4.00 each · $4.00"],
            items.FindAll("[role=listitem]").Select(line => line.Text()));
    }

    [Fact]
    public void An_order_of_one_line_shows_that_line_with_nothing_to_open()
    {
        var items = Render<OrderItems>(parameters => parameters.Add(control => control.Order, Samples.NewOrder()));

        Assert.Empty(items.FindAll("button"));
        Assert.Equal("Margherita", items.Find(".order-items").Text());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
