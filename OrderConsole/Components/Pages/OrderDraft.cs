using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Pages;

/// <summary>
/// The new-order form's item rows: add and remove rows, the running total, and each row checked by the domain's
/// own item rules so every mistake shows next to the field it is in, all at once. Prices and quantities are kept
/// as typed: text that is not a number is an error, never a zero.
/// </summary>
public sealed class OrderDraft
{
    public List<ItemRow> Rows { get; } = [new()];

    /// <summary>What the supplier is paid: every row's price times its quantity; rows not (or not rightly) filled in count as nothing.</summary>
    public decimal Total => Pricing.RoundToCents(Rows.Sum(row =>
        (FormNumbers.ParseDecimal(row.Price) ?? 0m) * (FormNumbers.ParseWhole(row.Quantity) ?? 0)));

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

    /// <summary>The rows as order items, or null when any field is wrong; each problem is put in <paramref name="errors"/> under its own field.</summary>
    public IReadOnlyList<OrderItem>? Check(FieldErrors errors)
    {
        var items = new List<OrderItem>();
        for (var index = 0; index < Rows.Count; index++)
        {
            var row = Rows[index];
            var before = errors.Count;
            var name = CheckName(errors, index, row.Name);
            var price = CheckPrice(errors, index, row.Price);
            var quantity = CheckQuantity(errors, index, row.Quantity);
            if (errors.Count == before)
            {
                // The whole row through the domain's item rule: it also checks the quantity's range.
                Report(errors, index, () => items.AddRange(OrderInput.Items([new OrderItem(name!, quantity!.Value, price!.Value)])));
            }
        }

        return errors.Any ? null : items;
    }

    private static string? CheckName(FieldErrors errors, int index, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Set(Field(index, "pizza_name"), "Enter the item's name");
            return null;
        }

        return Report(errors, index, () => OrderInput.Required(name, "pizza_name", OrderInput.MaxNameLength)) ? name : null;
    }

    private static decimal? CheckPrice(FieldErrors errors, int index, string? text)
    {
        if (FormNumbers.IsBlank(text))
        {
            errors.Set(Field(index, "unit_price"), "Enter the price of one item");
            return null;
        }

        if (FormNumbers.ParseDecimal(text) is not { } price)
        {
            errors.Set(Field(index, "unit_price"), "Enter the price as a number, like 12.50");
            return null;
        }

        return Report(errors, index, () => Pricing.EnsureSupplierPrice(price, "unit_price")) ? price : null;
    }

    private static int? CheckQuantity(FieldErrors errors, int index, string? text)
    {
        if (FormNumbers.ParseWhole(text) is not { } quantity)
        {
            errors.Set(Field(index, "quantity"), FormNumbers.IsBlank(text) ? "Enter how many" : "Enter the quantity as a whole number, like 2");
            return null;
        }

        if (quantity < 1 || quantity > OrderInput.MaxQuantity)
        {
            errors.Set(Field(index, "quantity"), $"Enter a quantity from 1 to {OrderInput.MaxQuantity}");
            return null;
        }

        return quantity;
    }

    private static bool Report(FieldErrors errors, int index, Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (OrderValidationException invalid)
        {
            errors.Set(Field(index, invalid.Field), invalid.Message);
            return false;
        }
    }
}

/// <summary>One row of the new-order form as typed: nothing is checked until the order is created.</summary>
public sealed class ItemRow
{
    public string? Name { get; set; }

    public string? Price { get; set; }

    public string? Quantity { get; set; } = "1";
}
