using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Orders;

/// <summary>customer_price = supplier_price × (1 + markup/100), in decimal, rounded half away from zero to cents.</summary>
public sealed class PricingTests
{
    [Fact]
    public void With_no_markup_the_customer_pays_the_supplier_price()
    {
        Assert.Equal(12.34m, Pricing.CustomerPrice(12.34m, 0m));
    }

    [Fact]
    public void With_the_largest_markup_the_customer_pays_six_times_the_supplier_price()
    {
        Assert.Equal(61.50m, Pricing.CustomerPrice(10.25m, 500m));
    }

    [Fact]
    public void The_default_markup_is_thirty_percent()
    {
        var order = Samples.NewOrder(price: 10m);

        Assert.Equal(30m, order.MarkupPercentage);
        Assert.Equal(13.00m, Pricing.CustomerPrice(order.SupplierPrice, order.MarkupPercentage));
    }

    [Theory]
    [InlineData("10.03", "50", "15.05")]   // 15.045: banker's rounding would give 15.04
    [InlineData("1.45", "30", "1.89")]     // 1.885: banker's rounding would give 1.88
    [InlineData("10.15", "10", "11.17")]   // 11.165
    [InlineData("0.03", "50", "0.05")]     // 0.045
    [InlineData("3.35", "30", "4.36")]     // 4.355
    public void A_half_cent_rounds_away_from_zero(string supplierPrice, string markup, string expected)
    {
        Assert.Equal(Dec(expected), Pricing.CustomerPrice(Dec(supplierPrice), Dec(markup)));
    }

    [Theory]
    [InlineData("10.01", "30", "13.01")]   // 13.013
    [InlineData("9.99", "12.5", "11.24")]  // 11.23875
    [InlineData("0.01", "30", "0.01")]     // 0.013
    public void Less_than_half_a_cent_rounds_to_the_nearest_cent(string supplierPrice, string markup, string expected)
    {
        Assert.Equal(Dec(expected), Pricing.CustomerPrice(Dec(supplierPrice), Dec(markup)));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-30")]
    [InlineData("500.01")]
    [InlineData("1000")]
    public void A_markup_below_zero_or_above_five_hundred_percent_is_rejected(string markup)
    {
        var error = Assert.Throws<OrderValidationException>(() => Pricing.CustomerPrice(10m, Dec(markup)));

        Assert.Equal("markup_percentage", error.Field);
    }

    [Fact]
    public void An_order_created_with_an_out_of_range_markup_is_rejected()
    {
        var error = Assert.Throws<OrderValidationException>(() => Samples.NewOrder(markup: 501m));

        Assert.Equal("markup_percentage", error.Field);
    }

    [Theory]
    [InlineData("9.999")]
    [InlineData("0.001")]
    [InlineData("12.345")]
    public void A_price_with_more_than_two_decimals_is_rejected(string price)
    {
        var error = Assert.Throws<OrderValidationException>(() => Pricing.EnsureSupplierPrice(Dec(price)));

        Assert.Equal("supplier_price", error.Field);
        Assert.Contains("whole cents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_price_with_more_than_two_decimals_is_rejected_on_the_item()
    {
        var error = Assert.Throws<OrderValidationException>(() => Samples.NewOrder(price: 9.999m));

        Assert.Equal("unit_price", error.Field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000.01")]
    public void A_price_of_zero_or_less_or_above_the_maximum_is_rejected(string price)
    {
        var error = Assert.Throws<OrderValidationException>(() => Pricing.EnsureSupplierPrice(Dec(price)));

        Assert.Equal("supplier_price", error.Field);
    }

    [Fact]
    public void An_order_priced_zero_is_rejected()
    {
        var error = Assert.Throws<OrderValidationException>(() => Samples.NewOrder(price: 0m));

        Assert.Equal("unit_price", error.Field);
    }

    [Fact]
    public void The_supplier_price_is_the_sum_of_the_lines()
    {
        var order = OrderChanges.Create(
            Samples.Luigis, [new OrderItem("Margherita", 2, 9.50m), new OrderItem("Garlic Bread", 3, 3.25m)], 20m, Samples.At, "12345678", TrackingCodes.NewTrackingToken());

        Assert.Equal(28.75m, order.SupplierPrice);
    }

    [Fact]
    public void The_customer_price_is_fixed_when_the_customer_accepts()
    {
        var offer = OrderChanges.AcceptBySupplier(Samples.NewOrder(price: 10.03m, markup: 50m), null, 30, Samples.At);
        Assert.Null(offer.CustomerPrice);

        var accepted = OrderChanges.AcceptByCustomer(offer, "Maya Patel", "+1 555 0142", "12 Harbor St", Samples.At);

        Assert.Equal(15.05m, accepted.CustomerPrice);
    }

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
