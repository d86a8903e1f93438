using Bunit;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The price breakdown in bUnit: supplier price, markup and customer price, in the configured currency.</summary>
public sealed class PriceBreakdownTests : ControlTestContext
{
    [Fact]
    public void An_offer_shows_supplier_price_markup_and_the_customer_price_it_comes_to()
    {
        var breakdown = RenderBreakdown(Samples.NewOrder(price: 10.03m, markup: 50m));

        Assert.Equal([("Supplier price", "$10.03"), ("Markup", "50 %"), ("Customer price", "$15.05")], Pairs(breakdown));
        Assert.Equal("Price breakdown", breakdown.Find("dl").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_accepted_order_shows_the_customer_price_fixed_at_acceptance()
    {
        var breakdown = RenderBreakdown(Samples.NewOrder(price: 12m, markup: 12.5m) with { CustomerPrice = 13.99m });

        Assert.Equal([("Supplier price", "$12.00"), ("Markup", "12.5 %"), ("Customer price", "$13.99")], Pairs(breakdown));
    }

    [Fact]
    public void When_the_customer_accepts_the_breakdown_shows_the_price_they_accepted()
    {
        var offer = Samples.NewOrder(price: 12m, markup: 12.5m);
        var breakdown = RenderBreakdown(offer);
        Assert.Equal("$13.50", breakdown.Find("dd.total").TextContent);

        breakdown.Render(parameters => parameters.Add(control => control.Order, offer with { CustomerPrice = 13.99m }));

        Assert.Equal("$13.99", breakdown.Find("dd.total").TextContent);
    }

    private IRenderedComponent<PriceBreakdown> RenderBreakdown(Order order) =>
        Render<PriceBreakdown>(parameters => parameters.Add(control => control.Order, order));

    internal static List<(string Term, string Value)> Pairs<T>(IRenderedComponent<T> rendered)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        [.. rendered.FindAll("dt").Select(term => term.TextContent.Trim()).Zip(rendered.FindAll("dd").Select(value => value.TextContent.Trim()))];
}

/// <summary>The price breakdown where the console is set to euros.</summary>
public sealed class PriceBreakdownInEurosTests : ControlTestContext
{
    protected override string? Currency => "EUR";

    [Fact]
    public void Prices_carry_the_configured_currencys_symbol_with_two_decimals()
    {
        var breakdown = Render<PriceBreakdown>(parameters => parameters.Add(control => control.Order, Samples.NewOrder(price: 10m, markup: 30m)));

        Assert.Equal([("Supplier price", "€10.00"), ("Markup", "30 %"), ("Customer price", "€13.00")], PriceBreakdownTests.Pairs(breakdown));
    }
}

/// <summary>The price breakdown where the console is set to a currency without a symbol of its own here.</summary>
public sealed class PriceBreakdownInFrancsTests : ControlTestContext
{
    protected override string? Currency => "chf";

    [Fact]
    public void Prices_carry_the_currency_code_when_it_has_no_symbol()
    {
        var breakdown = Render<PriceBreakdown>(parameters => parameters.Add(control => control.Order, Samples.NewOrder(price: 10m, markup: 30m)));

        Assert.Equal("CHF 13.00", breakdown.Find("dd.total").TextContent);
    }
}
