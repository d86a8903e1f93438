namespace OrderConsole.Core.Suppliers;

/// <summary>What an admin gives for a new or edited supplier, as typed: checked by <see cref="SupplierRules"/>.</summary>
public sealed record SupplierDetails(
    string? Name,
    string? TrackingPrefix,
    string? PickupAddress,
    double? PickupLatitude,
    double? PickupLongitude,
    string? Phone,
    decimal? DefaultMarkupPercentage,
    bool? Active = null,
    bool? AutoDispatch = null);
