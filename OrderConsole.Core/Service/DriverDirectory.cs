using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Core.Service;

/// <summary>
/// The drivers an admin keeps (create, edit, deactivate) and whose status a dispatcher, or the driver themselves,
/// sets to available, on break or offline. Busy comes only from an assignment.
/// </summary>
public sealed class DriverDirectory(IOrderStore store)
{
    public Task<IReadOnlyList<Driver>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (Role.Admin or Role.Dispatcher))
        {
            throw new ForbiddenOrderActionException("only admins and dispatchers may read the drivers");
        }

        return store.ListDriversAsync(cancellationToken);
    }

    public async Task<Driver> GetAsync(Actor actor, string driverId, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (Role.Admin or Role.Dispatcher) && actor.DriverId != driverId)
        {
            throw new NotInDirectoryException("driver", driverId);
        }

        return await store.GetDriverAsync(driverId, cancellationToken) ?? throw new NotInDirectoryException("driver", driverId);
    }

    /// <summary>A new driver, offline unless another chosen status is given.</summary>
    public Task<Driver> CreateAsync(Actor actor, DriverDetails details, DriverStatus? status = null, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, "add drivers");
        var profile = Profile(details);
        var chosen = DriverRules.ChosenStatus(status ?? DriverStatus.Offline);
        var active = details.Active ?? true;
        var driver = new Driver
        {
            Id = Guid.NewGuid().ToString("N"),
            Name = profile.Name,
            Phone = profile.Phone,
            Vehicle = profile.Vehicle,
            Active = active,
            Status = active ? chosen : DriverStatus.Offline,
        };
        return store.SaveDriverAsync(driver, actor.Name, cancellationToken);
    }

    public async Task<Driver> UpdateAsync(Actor actor, string driverId, DriverDetails details, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, "edit drivers");
        return await ChangeAsync(driverId, new DriverChange { Profile = Profile(details) }, actor, cancellationToken);
    }

    /// <summary>Deactivates a driver (offline, never offered for dispatch) or activates them again (still offline).</summary>
    public async Task<Driver> SetActiveAsync(Actor actor, string driverId, bool active, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, active ? "activate drivers" : "deactivate drivers");
        var driver = await GetAsync(actor, driverId, cancellationToken);
        var profile = new DriverProfile(driver.Name, driver.Phone, driver.Vehicle ?? DriverRules.Vehicles[0], active);
        return await ChangeAsync(driverId, new DriverChange { Profile = profile, Status = active ? null : DriverStatus.Offline }, actor, cancellationToken);
    }

    /// <summary>Available, on break or offline, chosen by a dispatcher, an admin or the driver themselves.</summary>
    public Task<Driver> SetStatusAsync(Actor actor, string driverId, DriverStatus status, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (Role.Admin or Role.Dispatcher) && !(actor.Role == Role.Driver && actor.DriverId == driverId))
        {
            throw new ForbiddenOrderActionException("only a dispatcher, an admin or the driver themselves may change a driver's status");
        }

        return ChangeAsync(driverId, new DriverChange { Status = DriverRules.ChosenStatus(status) }, actor, cancellationToken);
    }

    private async Task<Driver> ChangeAsync(string driverId, DriverChange change, Actor actor, CancellationToken cancellationToken)
    {
        // An unknown id answers as not found (the store's own answer is for a driver named inside an order command).
        _ = await store.GetDriverAsync(driverId, cancellationToken) ?? throw new NotInDirectoryException("driver", driverId);
        return await store.ChangeDriverAsync(driverId, change, actor.Name, cancellationToken);
    }

    private static DriverProfile Profile(DriverDetails details) =>
        new(DriverRules.Name(details.Name), DriverRules.Phone(details.Phone), DriverRules.Vehicle(details.Vehicle), details.Active);

    private static void EnsureAdmin(Actor actor, string what)
    {
        if (actor.Role != Role.Admin)
        {
            throw new ForbiddenOrderActionException($"only an admin may {what}");
        }
    }
}
