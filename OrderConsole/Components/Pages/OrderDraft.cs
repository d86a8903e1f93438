using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The new-order form's item rows: add and remove rows, the running total, and each row checked by the domain's
/// own item rules so every mistake shows next to the row it is in.
/// </summary>
public sealed class OrderDraft
{
    public List<ItemRow> Rows { get; } = [new()];

    /// <summary>What the supplier is paid: every row's price times its quantity, in cents; rows not filled in yet count as nothing.</summary>
    public decimal Total => Pricing.RoundToCents(Rows.Sum(row => (row.Price ?? 0m) * (row.Quantity ?? 0)));

    /// <summary>The form field key of one row's field, e.g. <c>items[1].unit_price</c>.</summary>
    public static string Field(int index, string field) => $"items[{index}].{field}";

    public void Add()
    {
        if (Rows.Count < OrderInput.MaxItems)
        {
            Rows.Add(new ItemRow());
        }
    }

    /// <summary>Removes a row; the last one stays, because an order needs an item.</summary>
    public void Remove(ItemRow row)
    {
        if (Rows.Count > 1)
        {
            Rows.Remove(row);
        }
    }

    public void Clear()
    {
        Rows.Clear();
        Rows.Add(new ItemRow());
    }

    /// <summary>The rows as order items, or null when any row is wrong; each problem is put in <paramref name="errors"/> under its row's field.</summary>
    public IReadOnlyList<OrderItem>? Check(FieldErrors errors)
    {
        var items = new List<OrderItem>();
        for (var index = 0; index < Rows.Count; index++)
        {
            var row = Rows[index];
            var before = errors.Count;
            Report(errors, index, () => OrderInput.Required(row.Name, "pizza_name", OrderInput.MaxNameLength));
            if (row.Price is not { } price)
            {
                errors.Set(Field(index, "unit_price"), "Supplier price is required");
            }
            else
            {
                Report(errors, index, () => Pricing.EnsureSupplierPrice(price, "unit_price"));
            }

            if (errors.Count == before)
            {
                // The whole row through the domain's item rule: it also checks the quantity.
                Report(errors, index, () => items.AddRange(OrderInput.Items([new OrderItem(row.Name!, row.Quantity ?? 0, row.Price!.Value)])));
            }
        }

        return errors.Any ? null : items;
    }

    private static void Report(FieldErrors errors, int index, Action check)
    {
        try
        {
            check();
        }
        catch (OrderValidationException invalid)
        {
            errors.Set(Field(index, invalid.Field), invalid.Message);
        }
    }
}

/// <summary>One row of the new-order form as typed: nothing is checked until the order is created.</summary>
public sealed class ItemRow
{
    public string? Name { get; set; }

    public decimal? Price { get; set; }

    public int? Quantity { get; set; } = 1;
}
