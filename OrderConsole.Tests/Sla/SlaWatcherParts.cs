using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Events;
using OrderConsole.Core.Sla;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Workers;

namespace OrderConsole.Tests.Sla;

/// <summary>An SLA watcher over a store for tests: the default prediction, a ten-minute late threshold, its own board.</summary>
internal static class SlaWatcherParts
{
    public static readonly SlaOptions Options = new()
    {
        PreparationMinutes = 10, HandoverMinutes = 5, DeliveryTravelMinutes = 10, DriverSpeedKmh = 25, CheckInterval = TimeSpan.FromSeconds(15),
    };

    public static readonly ConsoleSettings Settings = new() { Currency = "EUR", DefaultMarkupPercentage = 30, LateThresholdMinutes = 10, TimeZone = "UTC" };

    public static SlaWatcher Watcher(IOrderStore store, TimeProvider clock, WorkerStatusBoard? board = null) =>
        new(store, Options, Settings, board ?? new WorkerStatusBoard(), new SlaMetrics(null), clock, NullLogger<SlaWatcher>.Instance);

    /// <summary>How many events of <paramref name="eventType"/> the order's history holds.</summary>
    public static async Task<int> CountAsync(IOrderStore store, Guid orderId, string eventType) =>
        (await store.GetHistoryAsync(orderId)).Count(change => change.EventType == eventType);

    public static readonly string AtRisk = OrderEventTypes.AtRisk;

    public static readonly string Late = OrderEventTypes.Late;
}
