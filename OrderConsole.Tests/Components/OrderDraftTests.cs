using OrderConsole.Components.Controls;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Components;

/// <summary>The supplier's new-order rows: the running total, and each mistake reported at the row it is in.</summary>
public sealed class OrderDraftTests
{
    [Fact]
    public void The_total_is_every_rows_price_times_its_quantity()
    {
        var draft = Draft(("Margherita", 12.50m, 1), ("Marinara", 9.25m, 2));

        Assert.Equal(31.00m, draft.Total);
    }

    [Fact]
    public void Rows_that_are_right_become_the_orders_items_in_their_order()
    {
        var draft = Draft(("  Margherita ", 12.50m, 1), ("Marinara", 9.25m, 2));

        var items = draft.Check(new FieldErrors());

        Assert.Equal([new OrderItem("Margherita", 1, 12.50m), new OrderItem("Marinara", 2, 9.25m)], items);
    }

    [Fact]
    public void A_row_without_a_price_is_reported_at_that_rows_price()
    {
        var draft = Draft(("Margherita", 12.50m, 1), ("Marinara", null, 1));
        var errors = new FieldErrors();

        Assert.Null(draft.Check(errors));

        Assert.Equal(("Supplier price is required", 1), (errors["items[1].unit_price"], errors.Count));
    }

    [Fact]
    public void Every_wrong_row_is_reported_at_its_own_field()
    {
        var draft = Draft(("", 12.50m, 1), ("Marinara", 9.25m, 0));
        var errors = new FieldErrors();

        draft.Check(errors);

        Assert.Equal("Pizza name is required", errors["items[0].pizza_name"]);
        Assert.Contains("quantity of Marinara must be between 1", errors["items[1].quantity"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_row_cannot_be_removed()
    {
        var draft = new OrderDraft();

        draft.Remove(draft.Rows[0]);

        Assert.Single(draft.Rows);
    }

    private static OrderDraft Draft(params (string Name, decimal? Price, int Quantity)[] rows)
    {
        var draft = new OrderDraft();
        draft.Rows.Clear();
        draft.Rows.AddRange(rows.Select(row => new ItemRow { Name = row.Name, Price = row.Price, Quantity = row.Quantity }));
        return draft;
    }
}
