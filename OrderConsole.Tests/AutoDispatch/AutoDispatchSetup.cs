using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.AutoDispatch;

/// <summary>A pickup with a location, drivers placed around it, and the auto-dispatch switch, on any store.</summary>
internal static class AutoDispatchSetup
{
    public const double PickupLatitude = 40.0;
    public const double PickupLongitude = -74.0;

    /// <summary>Luigi's with a pickup location (and its auto-dispatch as given), and settings with the switch as given (radius 3 km).</summary>
    public static async Task PrepareAsync(IOrderStore store, bool consoleSwitch = true, bool supplierSwitch = true)
    {
        await store.SaveSupplierAsync(Samples.Luigis with { Latitude = PickupLatitude, Longitude = PickupLongitude, AutoDispatch = supplierSwitch });
        await store.SaveSettingsAsync(
            new ConsoleSettings { Currency = "USD", DefaultMarkupPercentage = 30m, LateThresholdMinutes = 10, TimeZone = "UTC", AutoDispatch = consoleSwitch, AutoDispatchRadiusKm = 3 },
            "admin");
    }

    /// <summary>Puts a driver about <paramref name="kilometres"/> north of the pickup, in <paramref name="status"/>.</summary>
    public static Task<Driver> PlaceAsync(IOrderStore store, Driver driver, double kilometres, DriverStatus status = DriverStatus.Available, bool active = true) =>
        store.SaveDriverAsync(
            driver with { Status = status, Active = active, Latitude = PickupLatitude + (kilometres / 111.2), Longitude = PickupLongitude, LocationUpdatedAt = Samples.At },
            "setup");

    /// <summary>A driver named <paramref name="name"/> (not yet saved).</summary>
    public static Driver Driver(string name) => new() { Id = "drv-" + name.ToLowerInvariant().Replace(' ', '-'), Name = name, Vehicle = "bike" };

    /// <summary>The order's <c>order.ready</c> event as the feed holds it.</summary>
    public static async Task<OrderEvent> ReadyEventAsync(IOrderStore store, Guid orderId) =>
        (await store.GetHistoryAsync(orderId)).Last(change => change.EventType == OrderEventTypes.ForStatus(OrderStatus.Ready));

    /// <summary>The order's decisions by auto-dispatch: its dispatch and its notes.</summary>
    public static async Task<IReadOnlyList<OrderEvent>> DecisionsAsync(IOrderStore store, Guid orderId) =>
        [.. (await store.GetHistoryAsync(orderId)).Where(change => change.Actor == "auto-dispatch")];
}
