using System.Linq.Expressions;
using OrderConsole.Accounts;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Components.Controls;

/// <summary>
/// The property expressions the grids' <c>PropertyColumn</c>s show, made once. A lambda written in markup is a new
/// expression tree on every render, and the column compiles a new one again (a dynamic method per column per render:
/// the largest cost of a live page in a CPU profile); the same instance each time is compiled once.
/// </summary>
public static class GridColumns
{
    public static readonly Expression<Func<Order, string>> OrderCode = order => order.SupplierTrackingId;

    public static readonly Expression<Func<Order, string>> TrackingId = order => order.TrackingId;

    public static readonly Expression<Func<Order, string>> SupplierName = order => order.SupplierName;

    public static readonly Expression<Func<Order, string?>> CustomerName = order => order.CustomerName;

    public static readonly Expression<Func<Order, string?>> DriverName = order => order.DriverName;

    public static readonly Expression<Func<Order, string?>> DeliveryAddress = order => order.DeliveryAddress;

    public static readonly Expression<Func<Driver, string>> DriverNameOf = driver => driver.Name;

    public static readonly Expression<Func<Supplier, string>> SupplierNameOf = supplier => supplier.Name;

    public static readonly Expression<Func<Supplier, string>> TrackingPrefix = supplier => supplier.TrackingPrefix;

    public static readonly Expression<Func<AccountSummary, string>> UserName = account => account.UserName;
}
