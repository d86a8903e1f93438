namespace OrderConsole.Core.Orders;

/// <summary>One step of an order's lifecycle as people see it: which status, its label, how far along, and when it happened.</summary>
public sealed record LifecycleStep(OrderStatus Status, string Label, LifecycleStepState State, DateTimeOffset? At);

/// <summary>Where a lifecycle step stands: done, the current one, still to come, or where a rejected or cancelled order stopped.</summary>
public enum LifecycleStepState
{
    Done,
    Current,
    Upcoming,
    Stopped,
}
