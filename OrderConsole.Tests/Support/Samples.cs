using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;

namespace OrderConsole.Tests.Support;

/// <summary>Suppliers, drivers and orders the tests build on.</summary>
public static class Samples
{
    public static readonly DateTimeOffset At = ManualClock.Start;

    public static Supplier Luigis { get; } = new("luigis", "Luigi's Pizzeria", "LUI");

    public static Supplier Napoli { get; } = new("napoli", "Napoli Express", "NAP");

    public static Driver Ana { get; } = new() { Id = "drv-ana", Name = "Ana Lopez", Phone = "+1 555 0101", Vehicle = "scooter" };

    public static Driver Ben { get; } = new() { Id = "drv-ben", Name = "Ben Okafor", Phone = "+1 555 0102", Vehicle = "bike" };

    /// <summary>A new pending order of one Margherita, with fresh tracking codes unless given.</summary>
    public static Order NewOrder(
        Supplier? supplier = null, DateTimeOffset? at = null, decimal price = 10m, decimal? markup = null,
        string? trackingId = null, string? trackingToken = null) =>
        OrderChanges.Create(
            supplier ?? Luigis, [new OrderItem("Margherita", 1, price)], markup, at ?? At,
            trackingId ?? TrackingCodes.NewTrackingId(), trackingToken ?? TrackingCodes.NewTrackingToken());

    /// <summary>An order that stands in <paramref name="status"/>, as far as the transition table is concerned.</summary>
    public static Order InStatus(OrderStatus status, Guid? id = null, string? driverId = null) =>
        NewOrder() with { Id = id ?? Guid.NewGuid(), Status = status, DriverId = driverId };
}
