using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Orders;

/// <summary>Text people type is plain text: no control characters (a line break only in notes and reasons) and no direction overrides.</summary>
public sealed class PlainTextTests
{
    private static readonly Order s_offer = OrderChanges.AcceptBySupplier(Samples.NewOrder(), null, 30, Samples.At);

    [Theory]
    [InlineData("\0\a")]
    [InlineData("Ana\u0000Lopez")]
    [InlineData("Ana\u001bLopez")]
    [InlineData("Ana\u007fLopez")]
    [InlineData("Ana\nLopez")]
    public void A_customer_name_with_a_control_character_is_refused_at_its_field(string name)
    {
        var error = Assert.Throws<OrderValidationException>(() => OrderChanges.AcceptByCustomer(s_offer, name, null, "12 Harbor St", Samples.At));

        Assert.Equal("customer_name", error.Field);
        Assert.Contains("control character", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u202Eatirehgram")]
    [InlineData("Pizza \u2066x\u2069")]
    [InlineData("\u202AMargherita")]
    public void An_item_name_with_a_direction_override_is_refused_at_its_field(string name)
    {
        var error = Assert.Throws<OrderValidationException>(() =>
            OrderChanges.Create(Samples.Luigis, [new OrderItem(name, 1, 5m)], null, Samples.At, "12345678", TrackingCodes.NewTrackingToken()));

        Assert.Equal("pizza_name", error.Field);
        Assert.Contains("text-direction control", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_with_a_direction_override_is_refused_at_its_field()
    {
        var error = Assert.Throws<OrderValidationException>(() => OrderChanges.AcceptByCustomer(s_offer, "Ana", null, "12 \u202EHarbor St", Samples.At));

        Assert.Equal("delivery_address", error.Field);
    }

    [Fact]
    public void Supplier_notes_may_span_lines_but_hold_no_other_control_character()
    {
        var accepted = OrderChanges.AcceptBySupplier(Samples.NewOrder(), "Extra napkins\nRing twice", 30, Samples.At);
        var error = Assert.Throws<OrderValidationException>(() => OrderChanges.AcceptBySupplier(Samples.NewOrder(), "Ring\atwice", 30, Samples.At));

        Assert.Equal("Extra napkins\nRing twice", accepted.SupplierNotes);
        Assert.Equal("notes", error.Field);
    }

    [Fact]
    public void Names_in_every_script_and_with_accents_are_plain_text()
    {
        var accepted = OrderChanges.AcceptByCustomer(s_offer, "José Núñez 王伟 محمد", null, "Straße 5, Zürich", Samples.At);

        Assert.Equal("José Núñez 王伟 محمد", accepted.CustomerName);
    }
}
