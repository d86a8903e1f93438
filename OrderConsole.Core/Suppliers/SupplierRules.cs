using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Suppliers;

/// <summary>
/// What makes a supplier's details valid: a name, a tracking prefix of 2–5 letters (kept in capitals), a pickup
/// location given whole or not at all, and a markup within the pricing rule. Names compare without letter case.
/// </summary>
public static class SupplierRules
{
    /// <summary>The supplier <paramref name="details"/> describe, keeping what they leave out of <paramref name="existing"/>.</summary>
    public static Supplier Apply(string id, SupplierDetails details, Supplier? existing)
    {
        var name = OrderInput.Required(details.Name, "name", OrderInput.MaxNameLength);
        var prefix = Prefix(details.TrackingPrefix);
        var (latitude, longitude) = Location(details.PickupLatitude, details.PickupLongitude);
        if (details.DefaultMarkupPercentage is { } markup)
        {
            if (markup is < 0m or > Pricing.MaxMarkupPercentage)
            {
                throw new OrderValidationException(
                    "default_markup_percentage", $"the default markup must be between 0 and {Pricing.MaxMarkupPercentage:0} %; it was {markup} %");
            }
        }

        return new Supplier(id, name, prefix, latitude, longitude)
        {
            PickupAddress = OrderInput.Optional(details.PickupAddress, "pickup_address", OrderInput.MaxAddressLength),
            Phone = OrderInput.Phone(details.Phone, "phone"),
            DefaultMarkupPercentage = details.DefaultMarkupPercentage,
            Active = details.Active ?? existing?.Active ?? true,
            AutoDispatch = details.AutoDispatch ?? existing?.AutoDispatch ?? true,
            PricingRules = existing?.PricingRules,
            ProofRequired = existing?.ProofRequired,
        };
    }

    /// <summary>The form names compare in: trimmed, without letter case.</summary>
    public static string NormalizedName(string name) => name.Trim().ToUpperInvariant();

    public static string Prefix(string? prefix)
    {
        var trimmed = prefix?.Trim() ?? string.Empty;
        if (trimmed.Length is < 2 or > 5 || !trimmed.All(char.IsAsciiLetter))
        {
            throw new OrderValidationException("tracking_prefix", "the tracking prefix must be 2 to 5 letters (A–Z), such as PIZ");
        }

        return trimmed.ToUpperInvariant();
    }

    private static (double? Latitude, double? Longitude) Location(double? latitude, double? longitude)
    {
        if (latitude is null != longitude is null)
        {
            throw new OrderValidationException(
                latitude is null ? "pickup_latitude" : "pickup_longitude", "give both the pickup latitude and longitude, or neither");
        }

        if (latitude is not null and not (>= -90 and <= 90))
        {
            throw new OrderValidationException("pickup_latitude", "the pickup latitude must be between -90 and 90 degrees");
        }

        if (longitude is not null and not (>= -180 and <= 180))
        {
            throw new OrderValidationException("pickup_longitude", "the pickup longitude must be between -180 and 180 degrees");
        }

        return (latitude, longitude);
    }
}
