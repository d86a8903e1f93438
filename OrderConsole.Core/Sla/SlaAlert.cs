using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Sla;

/// <summary>The two alerts the SLA watcher raises, each at most once per order.</summary>
public enum SlaAlert
{
    /// <summary>The predicted arrival is past the estimate: <c>order.at_risk</c>.</summary>
    AtRisk,

    /// <summary>The estimate passed more than the late threshold ago (<see cref="OrderTiming"/>): <c>order.late</c>.</summary>
    Late,
}

/// <summary>Which alert an order is due, and the order as flagged. Pure.</summary>
public static class SlaAlerts
{
    /// <summary>
    /// The alert <paramref name="order"/> is due now: late once <see cref="OrderTiming.IsLate"/> says so, else at risk once
    /// the prediction is past the estimate; null when it is due none, or already had it (a late order is no longer "at risk").
    /// </summary>
    public static SlaAlert? Due(Order order, DateTimeOffset? predicted, DateTimeOffset now, TimeSpan lateThreshold)
    {
        if (order.LateAt is not null || order.EstimatedArrival is not { } eta || order.Status.IsFinal())
        {
            return null;
        }

        if (OrderTiming.IsLate(order, now, lateThreshold))
        {
            return SlaAlert.Late;
        }

        return order.AtRiskAt is null && predicted > eta ? SlaAlert.AtRisk : null;
    }

    /// <summary>The order carrying the alert's flag, one version on: what the store writes with the alert's event.</summary>
    public static Order Flag(Order order, SlaAlert alert, DateTimeOffset? predicted, DateTimeOffset now)
    {
        var next = order with { UpdatedAt = now, Version = order.Version + 1 };
        return alert == SlaAlert.Late
            ? next with { LateAt = now }
            : next with { AtRiskAt = now, PredictedArrival = predicted };
    }

    public static string EventType(SlaAlert alert) => alert == SlaAlert.Late ? OrderEventTypes.Late : OrderEventTypes.AtRisk;

    /// <summary>The command id of an order's alert: the store applies one command id once, whoever sends it.</summary>
    public static string CommandId(Order order, SlaAlert alert) => $"sla:{EventType(alert)}:{order.Id:N}";
}
