using System.Globalization;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>
/// The checks every adapter makes before writing a transition, in one order: the order exists, it is
/// still in the expected status at the expected version, and the move is in the transition table.
/// </summary>
public static class TransitionChecks
{
    public static void Ensure(Order? current, OrderTransition transition)
    {
        var next = transition.Next;
        if (current is null)
        {
            throw new OrderNotFoundException(next.Id.ToString());
        }

        if (current.Status != transition.ExpectedStatus && !OrderTransitions.IsAllowed(current.Status, next.Status))
        {
            throw new IllegalTransitionException(current.Id, current.Status, next.Status);
        }

        if (current.Version != transition.ExpectedVersion || current.Status != transition.ExpectedStatus)
        {
            throw Conflict(current.Id, current.Status, current.Version);
        }

        if (next.Version != current.Version + 1 || !OrderTransitions.IsAllowed(current.Status, next.Status))
        {
            throw new IllegalTransitionException(current.Id, current.Status, next.Status);
        }
    }

    public static OrderConflictException Conflict(Guid orderId, OrderStatus status, long version) =>
        new(DescribeConflict(orderId.ToString("N")[..8], status.ToWireName(), version.ToString(CultureInfo.InvariantCulture)))
        {
            CurrentStatus = status,
        };

    public static OrderConflictException DriverNotAvailable(string driverName, string status) =>
        new(DescribeDriverNotAvailable(driverName, status)) { UnavailableDriver = driverName, DriverStatus = status };

    public static OrderValidationException NoDriver(string driverId) => new("driver_id", DescribeNoDriver(driverId));

    // The words of these errors, from already formatted parts: the Redis scripts build the same words from them.
    public static string DescribeConflict(string shortId, string status, string version) =>
        $"order {shortId}… was changed by someone else (it is now {status}, version {version}); reload it and try again";

    public static string DescribeDriverNotAvailable(string driver, string status) => $"driver {driver} is {status}; choose an available driver";

    public static string DescribeNoDriver(string driverId) => $"no driver {driverId} exists";
}
