using OrderConsole.Core.Orders;

namespace OrderConsole.Api;

/// <summary>Parses the path and query values of the API, turning malformed ones into validation errors (400) that say what was expected.</summary>
public static class ApiInput
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 100;

    public static Guid OrderId(string id) =>
        Guid.TryParse(id, out var orderId)
            ? orderId
            : throw new OrderValidationException("id", $"\"{Shorten(id)}\" is not an order id; order ids are GUIDs such as 3f2a5c1e-8d4b-4f7a-9c2d-1b6e0a9f4c3d");

    public static OrderStatus Status(string? status, string field = "status") =>
        OrderStatusNames.TryParse(status, out var parsed)
            ? parsed
            : throw new OrderValidationException(
                field,
                $"\"{Shorten(status)}\" is not an order status; use one of {string.Join(", ", OrderStatusNames.All.Select(s => s.ToWireName()))}");

    public static int PageSize(int? limit) => limit switch
    {
        null => DefaultPageSize,
        < 1 or > MaxPageSize => throw new OrderValidationException("limit", $"the limit must be between 1 and {MaxPageSize}; it was {limit}"),
        { } value => value,
    };

    /// <summary>The cursor is the number of orders already returned, as text; anything else is malformed.</summary>
    public static int Cursor(string? cursor) =>
        cursor is null ? 0
        : int.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new OrderValidationException("cursor", $"\"{Shorten(cursor)}\" is not a cursor; pass the next_cursor of the previous page");

    private static string Shorten(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";
}
