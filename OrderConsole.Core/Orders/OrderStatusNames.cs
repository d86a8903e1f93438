using System.Collections.Frozen;

namespace OrderConsole.Core.Orders;

/// <summary>The snake_case wire name of each <see cref="OrderStatus"/>, and parsing back from it.</summary>
public static class OrderStatusNames
{
    private static readonly FrozenDictionary<OrderStatus, string> s_names = new Dictionary<OrderStatus, string>
    {
        [OrderStatus.PendingSupplier] = "pending_supplier",
        [OrderStatus.SupplierAccepted] = "supplier_accepted",
        [OrderStatus.SupplierRejected] = "supplier_rejected",
        [OrderStatus.CustomerAccepted] = "customer_accepted",
        [OrderStatus.Preparing] = "preparing",
        [OrderStatus.Ready] = "ready",
        [OrderStatus.Dispatched] = "dispatched",
        [OrderStatus.InTransit] = "in_transit",
        [OrderStatus.Delivered] = "delivered",
        [OrderStatus.Cancelled] = "cancelled",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, OrderStatus> s_byName =
        s_names.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every status in lifecycle order.</summary>
    public static IReadOnlyList<OrderStatus> All { get; } = Enum.GetValues<OrderStatus>();

    public static string ToWireName(this OrderStatus status) => s_names[status];

    public static bool TryParse(string? name, out OrderStatus status) =>
        s_byName.TryGetValue(name?.Trim().ToLowerInvariant() ?? string.Empty, out status);

    /// <summary>Words for people: "in transit" rather than "in_transit".</summary>
    public static string ToDisplayName(this OrderStatus status) => s_names[status].Replace('_', ' ');

    /// <summary>Delivered, rejected and cancelled orders change no more.</summary>
    public static bool IsFinal(this OrderStatus status) =>
        status is OrderStatus.Delivered or OrderStatus.SupplierRejected or OrderStatus.Cancelled;
}
