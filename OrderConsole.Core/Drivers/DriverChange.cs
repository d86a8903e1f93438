using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Drivers;

/// <summary>A driver's details as an admin keeps them, checked by <see cref="DriverRules"/>; a null <see cref="Active"/> keeps it as it is.</summary>
public sealed record DriverProfile(string Name, string? Phone, string Vehicle, bool? Active = null);

/// <summary>
/// A change of a driver's details, their chosen status, or both, applied by the store to the driver as stored so
/// a concurrent assignment or position report is never overwritten. A driver on a delivery keeps the status the
/// delivery gives them and cannot be deactivated; a deactivated driver is offline until activated again.
/// </summary>
public sealed record DriverChange
{
    public DriverProfile? Profile { get; init; }

    public DriverStatus? Status { get; init; }

    /// <summary>The driver after the change; throws <see cref="DirectoryConflictException"/> when the driver as stored refuses it.</summary>
    public Driver ApplyTo(Driver current, DateTimeOffset now)
    {
        var onDelivery = current.Status == DriverStatus.Busy || current.OrderId is not null;
        if (onDelivery && Status is { } wanted && wanted != current.Status)
        {
            throw new DirectoryConflictException("status", $"{current.Name} is on a delivery; their status follows it until it is delivered or reassigned");
        }

        if (onDelivery && Profile is { Active: false })
        {
            throw new DirectoryConflictException("active", $"{current.Name} is on a delivery; reassign it or wait until it is delivered, then deactivate them");
        }

        var next = current with { UpdatedAt = now };
        if (Profile is { } profile)
        {
            next = next with { Name = profile.Name, Phone = profile.Phone, Vehicle = profile.Vehicle, Active = profile.Active ?? current.Active };
        }

        if (!next.Active)
        {
            if (Status is { } chosen && chosen != DriverStatus.Offline)
            {
                throw new DirectoryConflictException("status", $"{next.Name} is deactivated; an admin must activate them before they can be {DriverRules.Words(chosen)}");
            }

            return next with { Status = DriverStatus.Offline };
        }

        return Status is { } status ? next with { Status = status } : next;
    }
}
