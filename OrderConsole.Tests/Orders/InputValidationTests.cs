using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Orders;

/// <summary>Values people type are checked before any change is made; each error names its field by wire name.</summary>
public sealed class InputValidationTests
{
    private static readonly Order s_offer = OrderChanges.AcceptBySupplier(Samples.NewOrder(), null, 30, Samples.At);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_customer_must_give_a_name(string? name)
    {
        AssertInvalid("customer_name", () => OrderChanges.AcceptByCustomer(s_offer, name, "+1 555 0142", "12 Harbor St", Samples.At));
    }

    [Fact]
    public void A_customer_name_longer_than_100_characters_is_rejected()
    {
        var error = AssertInvalid("customer_name", () => OrderChanges.AcceptByCustomer(s_offer, new string('a', 101), null, "12 Harbor St", Samples.At));

        Assert.Contains("at most 100 characters; it has 101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_name_of_exactly_100_characters_is_accepted()
    {
        var accepted = OrderChanges.AcceptByCustomer(s_offer, new string('a', 100), null, "12 Harbor St", Samples.At);

        Assert.Equal(100, accepted.CustomerName!.Length);
    }

    [Fact]
    public void Names_and_addresses_are_stored_trimmed()
    {
        var accepted = OrderChanges.AcceptByCustomer(s_offer, "  Maya Patel ", " +1 555 0142 ", "  12 Harbor St ", Samples.At);

        Assert.Equal(("Maya Patel", "+1 555 0142", "12 Harbor St"), (accepted.CustomerName, accepted.CustomerPhone, accepted.DeliveryAddress));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_customer_must_give_a_delivery_address(string? address)
    {
        AssertInvalid("delivery_address", () => OrderChanges.AcceptByCustomer(s_offer, "Maya Patel", null, address, Samples.At));
    }

    [Fact]
    public void A_delivery_address_longer_than_300_characters_is_rejected()
    {
        AssertInvalid("delivery_address", () => OrderChanges.AcceptByCustomer(s_offer, "Maya Patel", null, new string('x', 301), Samples.At));
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12345")]
    [InlineData("++1 555 0142")]
    [InlineData("555-0142 ext. 3")]
    [InlineData("+1 555 0142 0000 0000 0000 0000")]
    public void A_phone_number_that_is_not_one_is_rejected(string phone)
    {
        AssertInvalid("customer_phone", () => OrderChanges.AcceptByCustomer(s_offer, "Maya Patel", phone, "12 Harbor St", Samples.At));
    }

    [Theory]
    [InlineData("+1 555 0142")]
    [InlineData("+49 (30) 123-4567")]
    [InlineData("0301234567")]
    [InlineData("(555) 010-0142")]
    public void Common_phone_number_formats_are_accepted(string phone)
    {
        Assert.Equal(phone, OrderChanges.AcceptByCustomer(s_offer, "Maya Patel", phone, "12 Harbor St", Samples.At).CustomerPhone);
    }

    [Fact]
    public void The_phone_number_is_optional()
    {
        Assert.Null(OrderChanges.AcceptByCustomer(s_offer, "Maya Patel", "  ", "12 Harbor St", Samples.At).CustomerPhone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(601)]
    public void The_estimated_time_must_be_between_1_and_600_minutes(int? minutes)
    {
        AssertInvalid("estimated_time", () => OrderChanges.AcceptBySupplier(Samples.NewOrder(), null, minutes, Samples.At));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(600)]
    public void The_estimated_time_bounds_are_accepted(int minutes)
    {
        Assert.Equal(minutes, OrderChanges.AcceptBySupplier(Samples.NewOrder(), null, minutes, Samples.At).EstimatedDeliveryTime);
    }

    [Fact]
    public void Supplier_notes_longer_than_500_characters_are_rejected()
    {
        AssertInvalid("notes", () => OrderChanges.AcceptBySupplier(Samples.NewOrder(), new string('n', 501), 30, Samples.At));
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        AssertInvalid("rejection_reason", () => OrderChanges.RejectBySupplier(Samples.NewOrder(), " ", Samples.At));
    }

    [Fact]
    public void A_cancellation_needs_a_reason()
    {
        AssertInvalid("cancellation_reason", () => OrderChanges.Cancel(Samples.NewOrder(), null, Samples.At));
    }

    [Fact]
    public void A_cancellation_reason_longer_than_500_characters_is_rejected()
    {
        AssertInvalid("cancellation_reason", () => OrderChanges.Cancel(Samples.NewOrder(), new string('r', 501), Samples.At));
    }

    [Fact]
    public void An_order_needs_at_least_one_item()
    {
        AssertInvalid("items", () => OrderChanges.Create(Samples.Luigis, [], null, Samples.At, "12345678", TrackingCodes.NewTrackingToken()));
    }

    [Fact]
    public void An_order_may_have_at_most_50_items()
    {
        var items = Enumerable.Range(0, 51).Select(i => new OrderItem($"Pizza {i}", 1, 5m)).ToList();

        AssertInvalid("items", () => OrderChanges.Create(Samples.Luigis, items, null, Samples.At, "12345678", TrackingCodes.NewTrackingToken()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_item_needs_a_name(string name)
    {
        AssertInvalid("pizza_name", () => OrderChanges.Create(Samples.Luigis, [new OrderItem(name, 1, 5m)], null, Samples.At, "12345678", TrackingCodes.NewTrackingToken()));
    }

    [Fact]
    public void An_item_name_longer_than_100_characters_is_rejected()
    {
        AssertInvalid("pizza_name", () => OrderChanges.Create(Samples.Luigis, [new OrderItem(new string('p', 101), 1, 5m)], null, Samples.At, "12345678", TrackingCodes.NewTrackingToken()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void An_item_quantity_must_be_between_1_and_100(int quantity)
    {
        AssertInvalid("quantity", () => OrderChanges.Create(Samples.Luigis, [new OrderItem("Margherita", quantity, 5m)], null, Samples.At, "12345678", TrackingCodes.NewTrackingToken()));
    }

    [Fact]
    public void A_valid_input_on_an_illegal_move_is_still_an_illegal_move()
    {
        var delivered = Samples.InStatus(OrderStatus.Delivered);

        Assert.Throws<IllegalTransitionException>(() => OrderChanges.Cancel(delivered, "too late", Samples.At));
    }

    private static OrderValidationException AssertInvalid(string field, Func<Order> change)
    {
        var error = Assert.Throws<OrderValidationException>(() => change());
        Assert.Equal(field, error.Field);
        return error;
    }
}
