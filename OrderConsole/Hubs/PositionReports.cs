using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Hubs;

/// <summary>
/// Drivers' position reports from the hub: checked, limited per driver, fanned out at once to the rooms that follow
/// the driver, and written to the store (which dispatch's distances read) at most every <see cref="HubOptions.PositionStoreInterval"/>.
/// </summary>
public sealed class PositionReports(
    IHubContext<OrdersHub, IOrdersClient> hub, LiveOrders live, OrderService orders, HubOptions options, TimeProvider clock, ILogger<PositionReports> logger)
{
    /// <summary>How much earlier than the interval a report is still taken: app timers do not tick evenly.</summary>
    private static readonly TimeSpan s_earlyTolerance = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<string, Reporter> _reporters = new(StringComparer.Ordinal);

    public async Task ReportAsync(Actor driver, double latitude, double longitude, double? speed, double? heading, double? accuracy, CancellationToken cancellationToken)
    {
        PositionRules.Check(latitude, longitude, speed, heading, accuracy);
        var driverId = driver.DriverId!;
        var now = clock.GetUtcNow();
        var reporter = _reporters.GetOrAdd(driverId, _ => new Reporter());
        bool store;
        lock (reporter)
        {
            var since = now - reporter.LastAccepted;
            if (reporter.LastAccepted is not null && since < options.PositionInterval - s_earlyTolerance)
            {
                throw new HubException(
                    $"positions are taken at most once every {options.PositionInterval.TotalSeconds:0.#} s per driver; this one came {since!.Value.TotalSeconds:0.0} s after the last");
            }

            reporter.LastAccepted = now;
            store = reporter.LastStored is null || now - reporter.LastStored >= options.PositionStoreInterval;
            if (store)
            {
                reporter.LastStored = now;
            }
        }

        var position = new DriverPosition(driverId, latitude, longitude, speed, heading, accuracy, now);
        await hub.Clients.Groups(RoomsFollowing(driverId)).DriverMoved(position);
        if (store)
        {
            await StoreAsync(driver, latitude, longitude, cancellationToken);
        }
    }

    /// <summary>The driver's room, and the rooms of the order they carry and of its supplier, as the read model has them.</summary>
    private List<string> RoomsFollowing(string driverId)
    {
        List<string> rooms = [HubRooms.Driver(driverId)];
        if (live.FindDriver(driverId)?.OrderId is { } orderId && live.Find(orderId) is { } order && order.DriverId == driverId)
        {
            rooms.Add(HubRooms.Order(order.Id));
            rooms.Add(HubRooms.Supplier(order.SupplierId));
        }

        return rooms;
    }

    private async Task StoreAsync(Actor driver, double latitude, double longitude, CancellationToken cancellationToken)
    {
        try
        {
            await orders.ReportPositionAsync(driver, driver.DriverId!, latitude, longitude, cancellationToken);
        }
        catch (OrderValidationException unknown)
        {
            throw new HubException(unknown.Message);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            // The rooms already have the position; the next report after the interval stores again.
            logger.LogWarning(failed, "The position of driver {DriverId} reached the rooms but was not stored", driver.DriverId);
            throw new HubException("your position reached the rooms following you but could not be stored just now; keep reporting");
        }
    }

    /// <summary>When a driver's last report was taken and last written to the store.</summary>
    private sealed class Reporter
    {
        public DateTimeOffset? LastAccepted { get; set; }

        public DateTimeOffset? LastStored { get; set; }
    }
}
