namespace OrderConsole.Core.Orders;

/// <summary>
/// A business that prepares orders; its prefix starts each of its supplier tracking IDs. Its pickup location
/// (where drivers collect orders) is optional: without it, dispatch lists drivers without distances.
/// A deactivated supplier keeps its orders but takes no new ones.
/// </summary>
public sealed record Supplier(string Id, string Name, string TrackingPrefix, double? Latitude = null, double? Longitude = null)
{
    public string? PickupAddress { get; init; }

    public string? Phone { get; init; }

    /// <summary>The markup a new order gets when its creator names none; null for the console's default.</summary>
    public decimal? DefaultMarkupPercentage { get; init; }

    public bool Active { get; init; } = true;

    /// <summary>Whether this supplier's ready orders are auto-dispatched while the global switch is on (the default).</summary>
    public bool AutoDispatch { get; init; } = true;

    /// <summary>Delivery and service fees and discount codes on top of the markup; null for none.</summary>
    public PricingRules? PricingRules { get; init; }

    /// <summary>What a delivery of this supplier's orders must come with; null for nothing.</summary>
    public ProofRequirements? ProofRequired { get; init; }
}
