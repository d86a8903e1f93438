using System.Globalization;
using System.Text.Json;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Service;

/// <summary>
/// One change in a batch: the event it should produce (<c>order.supplier_accepted</c>, <c>order.preparing</c>,
/// <c>order.dispatched</c>, <c>order.reassigned</c>, <c>order.cancelled</c>, …), the order, and the fields the single command takes, by
/// their wire names: notes, estimated_time, reason, customer_name, customer_phone, delivery_address,
/// driver_id or driver_name.
/// </summary>
public sealed record BatchStep(string EventType, Guid OrderId, IReadOnlyDictionary<string, string?>? Data = null)
{
    /// <summary>The fields of a JSON object as text, as a step's <see cref="Data"/>: numbers keep their digits, null stays null.</summary>
    public static IReadOnlyDictionary<string, string?> DataFrom(JsonElement data)
    {
        if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new Dictionary<string, string?>();
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new OrderValidationException("data", "an event's data must be an object of fields");
        }

        return data.EnumerateObject().ToDictionary(
            field => field.Name,
            field => field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => field.Value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw new OrderValidationException(field.Name, $"{field.Name} must be text or a number"),
            },
            StringComparer.Ordinal);
    }

    /// <summary>A text field, or null when the step does not have it.</summary>
    public string? Text(string field) => Data?.GetValueOrDefault(field);

    /// <summary>A whole-number field, or null when the step does not have it.</summary>
    public int? WholeNumber(string field) => Text(field) switch
    {
        null or "" => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        var text => throw new OrderValidationException(field, $"{field} must be a whole number; \"{text}\" is not"),
    };

    /// <summary>True for <c>order.reassigned</c>: another driver for a dispatched order, which stays dispatched.</summary>
    public bool IsReassignment => string.Equals(EventType?.Trim(), OrderEventTypes.Reassigned, StringComparison.OrdinalIgnoreCase);

    /// <summary>The status the step moves its order to, or null when its event type is not a change a batch can make.</summary>
    public OrderStatus? Target
    {
        get
        {
            var eventType = EventType?.Trim().ToLowerInvariant();
            if (IsReassignment)
            {
                return OrderStatus.Dispatched;
            }

            return OrderStatusNames.All
                .Where(status => status != OrderStatus.PendingSupplier && OrderEventTypes.ForStatus(status) == eventType)
                .Select(status => (OrderStatus?)status)
                .FirstOrDefault();
        }
    }
}
