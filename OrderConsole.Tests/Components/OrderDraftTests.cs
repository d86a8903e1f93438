using OrderConsole.Components.Controls;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components;

/// <summary>
/// The supplier's new-order rows as typed: the running total, every mistake reported at its own field at once,
/// and nothing coerced — text that is not a price or a quantity is an error, never a zero or a one.
/// </summary>
public sealed class OrderDraftTests
{
    [Fact]
    public void The_total_is_every_rows_price_times_its_quantity()
    {
        var draft = Draft(("Margherita", "12.50", "1"), ("Marinara", "9.25", "2"));

        Assert.Equal(31.00m, draft.Total);
    }

    [Fact]
    public void Rows_that_are_right_become_the_orders_items_in_their_order()
    {
        var draft = Draft(("  Margherita ", "12.50", "1"), ("Marinara", "9.25", "2"));

        var items = draft.Check(new FieldErrors());

        Assert.Equal([new OrderItem("Margherita", 1, 12.50m), new OrderItem("Marinara", 2, 9.25m)], items);
    }

    [Fact]
    public void A_row_without_a_price_is_reported_at_that_rows_price()
    {
        var draft = Draft(("Margherita", "12.50", "1"), ("Marinara", "", "1"));
        var errors = new FieldErrors();

        Assert.Null(draft.Check(errors));

        Assert.Equal(("Enter the price of one item", 1), (errors["items[1].unit_price"], errors.Count));
    }

    [Theory]
    [InlineData("abc", "Enter the price as a number, like 12.50")]
    [InlineData("-5", "the price must be more than 0")]
    [InlineData("0", "the price must be more than 0")]
    [InlineData("1.005", "whole cents")]
    public void A_price_that_is_not_a_price_is_an_error_not_a_zero(string typed, string message)
    {
        var draft = Draft(("Margherita", typed, "1"));
        var errors = new FieldErrors();

        Assert.Null(draft.Check(errors));

        Assert.Contains(message, errors["items[0].unit_price"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5000")]
    [InlineData("2.5")]
    [InlineData("")]
    public void A_quantity_out_of_range_or_not_whole_is_an_error_not_clamped(string typed)
    {
        var draft = Draft(("Margherita", "12.50", typed));
        var errors = new FieldErrors();

        Assert.Null(draft.Check(errors));

        Assert.NotNull(errors["items[0].quantity"]);
    }

    [Fact]
    public void Every_wrong_field_is_reported_at_its_own_field_at_once()
    {
        var draft = Draft(("", "abc", "0"), ("Marinara", "9.25", "5000"));
        var errors = new FieldErrors();

        draft.Check(errors);

        Assert.Equal("Enter the item's name", errors["items[0].pizza_name"]);
        Assert.Equal("Enter the price as a number, like 12.50", errors["items[0].unit_price"]);
        Assert.Equal($"Enter a quantity from 1 to {OrderInput.MaxQuantity}", errors["items[0].quantity"]);
        Assert.Equal($"Enter a quantity from 1 to {OrderInput.MaxQuantity}", errors["items[1].quantity"]);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void The_last_row_cannot_be_removed()
    {
        var draft = new OrderDraft();

        draft.Remove(draft.Rows[0]);

        Assert.Single(draft.Rows);
    }

    private static OrderDraft Draft(params (string Name, string Price, string Quantity)[] rows)
    {
        var draft = new OrderDraft();
        draft.Rows.Clear();
        draft.Rows.AddRange(rows.Select(row => new ItemRow { Name = row.Name, Price = row.Price, Quantity = row.Quantity }));
        return draft;
    }
}
