using System.Globalization;
using OrderConsole.Core.Drivers;

namespace OrderConsole.Core.AutoDispatch;

/// <summary>
/// Whom auto-dispatch may put on an order picked up at one place: every active, available driver on no delivery with a
/// known position within the radius, nearest first; when nobody is inside it, the same within the radius widened once
/// (× <see cref="WideningFactor"/>). The drivers passed over on the way (nearer, but busy, on break, offline or
/// deactivated) are kept for the reason the decision gives.
/// </summary>
public sealed record DriverChoice(IReadOnlyList<DriverDistance> Candidates, IReadOnlyList<DriverDistance> PassedOver, double RadiusKm, bool Widened)
{
    /// <summary>How much the radius grows for the one widening step.</summary>
    public const double WideningFactor = 2;

    /// <summary>How many passed-over drivers a reason names, nearest first.</summary>
    private const int NamedInReason = 3;

    /// <summary>The radius searched: the configured one, or the widened one when nobody was inside it.</summary>
    public double SearchedKm => Widened ? RadiusKm * WideningFactor : RadiusKm;

    /// <summary>Measures <paramref name="drivers"/> from the pickup and lists who may be chosen, nearest first.</summary>
    public static DriverChoice For(IEnumerable<Driver> drivers, double pickupLatitude, double pickupLongitude, double radiusKm)
    {
        List<DriverDistance> measured = [.. drivers
            .Where(driver => driver is { Latitude: not null, Longitude: not null })
            .Select(driver => new DriverDistance(driver, DriverDistance.Between(pickupLatitude, pickupLongitude, driver.Latitude!.Value, driver.Longitude!.Value)))
            .OrderBy(distance => distance.Kilometres)
            .ThenBy(distance => distance.Driver.Name, StringComparer.Ordinal)];
        var widened = !measured.Any(distance => CanTake(distance.Driver) && distance.Kilometres <= radiusKm);
        var reach = widened ? radiusKm * WideningFactor : radiusKm;
        var inReach = measured.Where(distance => distance.Kilometres <= reach).ToList();
        return new DriverChoice([.. inReach.Where(distance => CanTake(distance.Driver))], [.. inReach.Where(distance => !CanTake(distance.Driver))], radiusKm, widened);
    }

    /// <summary>Only an active driver who is available and on no delivery may be given an order.</summary>
    public static bool CanTake(Driver driver) => driver is { Active: true, Status: DriverStatus.Available, OrderId: null };

    /// <summary>
    /// Why <paramref name="chosen"/> got the order (the event names them), naming the nearer drivers who could not take it
    /// ("nearest available 1.2 km; Ben Okafor 0.8 km on break"); <paramref name="taken"/> are candidates
    /// another order took first.
    /// </summary>
    public string ReasonFor(DriverDistance chosen, IReadOnlyCollection<DriverDistance> taken)
    {
        var nearer = PassedOver.Concat(taken)
            .Where(other => other.Kilometres <= chosen.Kilometres && other.Driver.Id != chosen.Driver.Id)
            .OrderBy(other => other.Kilometres)
            .Take(NamedInReason)
            .Select(other => $"; {other.Driver.Name} {Km(other.Kilometres)} {Why(other, taken)}");
        var widening = Widened ? $" (nobody within {Km(RadiusKm)}; widened to {Km(SearchedKm)})" : string.Empty;
        return $"nearest available {Km(chosen.Kilometres)}{string.Concat(nearer)}{widening}";
    }

    /// <summary>Why nobody was chosen: no available driver within the widened radius, naming the nearest who could not come.</summary>
    public string NobodyNearby(IReadOnlyCollection<DriverDistance> taken)
    {
        var others = PassedOver.Concat(taken)
            .OrderBy(other => other.Kilometres)
            .Take(NamedInReason)
            .Select(other => $"{other.Driver.Name} {Km(other.Kilometres)} {Why(other, taken)}")
            .ToList();
        var tail = others.Count == 0 ? string.Empty : "; " + string.Join("; ", others);
        return $"no available driver within {Km(SearchedKm)} of the pickup{tail}";
    }

    private static string Why(DriverDistance other, IReadOnlyCollection<DriverDistance> taken) =>
        taken.Any(lost => lost.Driver.Id == other.Driver.Id) ? "taken by another order"
        : !other.Driver.Active ? "deactivated"
        : other.Driver.Status == DriverStatus.Available ? "on a delivery"
        : DriverRules.Words(other.Driver.Status);

    /// <summary>A distance as the dispatch desk shows it: one decimal, in km.</summary>
    public static string Km(double kilometres) => kilometres.ToString("0.0", CultureInfo.InvariantCulture) + " km";
}
