using System.Text.Json.Serialization;
using OrderConsole.Core.Orders;

namespace OrderConsole.Core.Storage;

/// <summary>What an applied batch left: the order after each of its changes, in the batch's order, and when it applied.</summary>
public sealed record AppliedBatch(string CorrelationId, DateTimeOffset AppliedAt, IReadOnlyList<Order> Orders)
{
    /// <summary>How many changes (events) the batch applied.</summary>
    [JsonIgnore]
    public int EventsProcessed => Orders.Count;
}
