namespace OrderConsole.Core.Drivers;

/// <summary>
/// A driver change that travels with an order transition and is applied in the same atomic write:
/// putting a driver on an order (they must be available) or releasing them when the delivery ends.
/// </summary>
public sealed record DriverAssignment(string DriverId, DriverStatus Status, Guid? OrderId, bool MustBeAvailable)
{
    public static DriverAssignment Assign(string driverId, Guid orderId) => new(driverId, DriverStatus.Busy, orderId, MustBeAvailable: true);

    public static DriverAssignment Release(string driverId) => new(driverId, DriverStatus.Available, null, MustBeAvailable: false);
}
