using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Drivers;

/// <summary>
/// What makes a driver's details valid, and which statuses a person may set: offline, available or on break.
/// Busy only ever comes from an assignment, and a deactivated driver stays offline.
/// </summary>
public static class DriverRules
{
    /// <summary>The vehicles a driver can have, in their wire names.</summary>
    public static IReadOnlyList<string> Vehicles { get; } = ["bike", "scooter", "car", "van"];

    /// <summary>The statuses a person may choose for a driver.</summary>
    public static IReadOnlyList<DriverStatus> ChosenStatuses { get; } = [DriverStatus.Available, DriverStatus.OnBreak, DriverStatus.Offline];

    public static string Name(string? name) => OrderInput.Required(name, "name", OrderInput.MaxNameLength);

    public static string? Phone(string? phone) => OrderInput.Phone(phone, "phone");

    public static string Vehicle(string? vehicle)
    {
        var trimmed = vehicle?.Trim().ToLowerInvariant();
        return trimmed is not null && Vehicles.Contains(trimmed)
            ? trimmed
            : throw new OrderValidationException("vehicle", $"the vehicle must be one of {string.Join(", ", Vehicles)}");
    }

    /// <summary>Checks a status a person chose; busy is refused, since it comes from an assignment.</summary>
    public static DriverStatus ChosenStatus(DriverStatus status) =>
        ChosenStatuses.Contains(status)
            ? status
            : throw new OrderValidationException("status", "a driver becomes busy only by being dispatched; choose offline, available or on break");

    /// <summary>The words for a status on screen: "on break", not <c>on_break</c>.</summary>
    public static string Words(DriverStatus status) => status == DriverStatus.OnBreak ? "on break" : status.ToString().ToLowerInvariant();

    /// <summary>The wire name of a status, as stored and sent: <c>on_break</c>.</summary>
    public static string WireName(DriverStatus status) => status == DriverStatus.OnBreak ? "on_break" : status.ToString().ToLowerInvariant();
}
