using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>How pages name an order: its code ("LUI-1042"); an order from before codes existed goes by its short id.</summary>
public static class OrderCode
{
    public static string Of(Order order) => string.IsNullOrEmpty(order.SupplierTrackingId) ? order.ShortId : order.SupplierTrackingId;
}
