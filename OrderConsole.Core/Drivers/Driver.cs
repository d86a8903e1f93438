namespace OrderConsole.Core.Drivers;

/// <summary>A driver, their availability, last known position, and the order they are delivering (if any).</summary>
public sealed record Driver
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Phone { get; init; }
    public string? Vehicle { get; init; }
    public DriverStatus Status { get; init; } = DriverStatus.Available;
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public DateTimeOffset? LocationUpdatedAt { get; init; }
    public Guid? OrderId { get; init; }

    /// <summary>A deactivated driver is offline and cannot be dispatched; their history stays.</summary>
    public bool Active { get; init; } = true;
    public DateTimeOffset UpdatedAt { get; init; }
}
