namespace OrderConsole.Core.Sla;

/// <summary>How the SLA watcher predicts arrivals and how often it looks (configuration section <c>Sla</c>).</summary>
public sealed class SlaOptions
{
    /// <summary>Run the watcher where the workers run (default); false: no order is ever flagged at risk or late.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the watcher looks at every open order: time alone can make an order late.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long preparing an order takes, from the start of preparing to ready.</summary>
    public double PreparationMinutes { get; set; } = 10;

    /// <summary>From ready to a driver leaving the pickup with it: finding a driver and the handover.</summary>
    public double HandoverMinutes { get; set; } = 5;

    /// <summary>The speed a driver is assumed to keep, in km/h, along the straight line between two places.</summary>
    public double DriverSpeedKmh { get; set; } = 25;

    /// <summary>The drive from pickup to door when the supplier's or the customer's coordinates are unknown.</summary>
    public double DeliveryTravelMinutes { get; set; } = 10;

    /// <summary>The most orders of one status one check looks at.</summary>
    public int MaxOrdersPerStatus { get; set; } = 10_000;
}
