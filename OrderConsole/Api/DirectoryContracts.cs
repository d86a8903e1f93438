using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Api;

/// <summary><c>POST</c> and <c>PUT /api/suppliers</c>: a supplier's details; <see cref="Active"/> left out keeps it as it is (new: active).</summary>
public sealed record SupplierRequest
{
    public string? Name { get; init; }
    public string? TrackingPrefix { get; init; }
    public string? PickupAddress { get; init; }
    public double? PickupLatitude { get; init; }
    public double? PickupLongitude { get; init; }
    public string? Phone { get; init; }
    public decimal? DefaultMarkupPercentage { get; init; }
    public bool? Active { get; init; }

    /// <summary>Whether the supplier's ready orders are auto-dispatched while the console's switch is on; left out keeps it (new: on).</summary>
    public bool? AutoDispatch { get; init; }

    public SupplierDetails ToDetails() =>
        new(Name, TrackingPrefix, PickupAddress, PickupLatitude, PickupLongitude, Phone, DefaultMarkupPercentage, Active, AutoDispatch);
}

/// <summary>A supplier as the API shows it, with the field names its requests use.</summary>
public sealed record SupplierView(
    string Id, string Name, string TrackingPrefix, string? PickupAddress, double? PickupLatitude, double? PickupLongitude,
    string? Phone, decimal? DefaultMarkupPercentage, bool Active, bool AutoDispatch)
{
    public static SupplierView From(Supplier supplier) => new(
        supplier.Id, supplier.Name, supplier.TrackingPrefix, supplier.PickupAddress, supplier.Latitude, supplier.Longitude,
        supplier.Phone, supplier.DefaultMarkupPercentage, supplier.Active, supplier.AutoDispatch);
}

/// <summary><c>GET /api/suppliers</c>.</summary>
public sealed record SupplierList(IReadOnlyList<SupplierView> Suppliers);

/// <summary>
/// <c>POST</c> and <c>PUT /api/drivers</c>: a driver's details; on create, <see cref="Status"/> (offline, available or
/// on_break) defaults to offline. <see cref="Active"/> left out keeps it as it is (new: active).
/// </summary>
public sealed record DriverRequest
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Vehicle { get; init; }
    public DriverStatus? Status { get; init; }
    public bool? Active { get; init; }

    public DriverDetails ToDetails() => new(Name, Phone, Vehicle, Active);
}

/// <summary><c>GET /api/drivers</c>: every driver with status and last known position.</summary>
public sealed record DriverList(IReadOnlyList<Driver> Drivers);
