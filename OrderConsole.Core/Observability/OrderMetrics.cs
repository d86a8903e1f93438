using System.Diagnostics.Metrics;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Observability;

/// <summary>What the order commands record: orders created, transitions by from/to, delivery and fulfilment times, tracking page views.</summary>
public static class OrderMetrics
{
    private static readonly Counter<long> s_created = ConsoleMetrics.Meter.CreateCounter<long>(
        "orderconsole.orders.created", unit: "{order}", description: "Orders created.");

    private static readonly Counter<long> s_transitions = ConsoleMetrics.Meter.CreateCounter<long>(
        "orderconsole.orders.transitions", unit: "{transition}", description: "Status changes applied to orders, by from and to status.");

    private static readonly Histogram<double> s_deliveryDuration = ConsoleMetrics.Meter.CreateHistogram(
        "orderconsole.delivery.duration", unit: "s", description: "Time from dispatch to delivery.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ConsoleMetrics.DeliveryBuckets });

    private static readonly Histogram<double> s_fulfilmentDuration = ConsoleMetrics.Meter.CreateHistogram(
        "orderconsole.order.fulfilment.duration", unit: "s", description: "Time from the customer's acceptance to delivery.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ConsoleMetrics.DeliveryBuckets });

    private static readonly Counter<long> s_trackingViews = ConsoleMetrics.Meter.CreateCounter<long>(
        "orderconsole.tracking.page_views", unit: "{view}", description: "Views of the public order tracking page.");

    private static readonly Counter<long> s_feedback = ConsoleMetrics.Meter.CreateCounter<long>(
        "orderconsole.feedback.given", unit: "{rating}", description: "Ratings customers gave delivered orders, by stars.");

    public static void RecordCreated() => s_created.Add(1);

    public static void RecordFeedback(int stars) => s_feedback.Add(1, new KeyValuePair<string, object?>("stars", stars));

    /// <summary>Records a transition that was applied; a delivery also records its delivery and fulfilment times.</summary>
    public static void RecordTransition(OrderStatus from, Order after)
    {
        s_transitions.Add(1, new("from", from.ToWireName()), new("to", after.Status.ToWireName()));
        if (after is not { Status: OrderStatus.Delivered, DeliveredAt: { } deliveredAt })
        {
            return;
        }

        if (after.DispatchedAt is { } dispatchedAt)
        {
            s_deliveryDuration.Record(Seconds(deliveredAt - dispatchedAt));
        }

        if (after.CustomerAcceptedAt is { } acceptedAt)
        {
            s_fulfilmentDuration.Record(Seconds(deliveredAt - acceptedAt));
        }
    }

    public static void RecordTrackingPageView() => s_trackingViews.Add(1);

    private static double Seconds(TimeSpan elapsed) => Math.Max(0, elapsed.TotalSeconds);
}
