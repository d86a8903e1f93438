using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Webhooks;

namespace OrderConsole.Components.Controls;

/// <summary>Event types as people say them ("Order delivered", "Order at risk"), for pickers and logs.</summary>
public static class EventTypeNames
{
    public static string Describe(string eventType)
    {
        if (eventType == WebhookSubscription.AllEvents)
        {
            return "All events";
        }

        if (OrderStatusNames.All.FirstOrDefault(status => OrderEventTypes.ForStatus(status) == eventType) is var status
            && OrderEventTypes.ForStatus(status) == eventType)
        {
            return "Order " + status.ToDisplayName().ToLowerInvariant();
        }

        return eventType switch
        {
            OrderEventTypes.Created => "Order created",
            OrderEventTypes.Reassigned => "Order reassigned",
            OrderEventTypes.FeedbackGiven => "Order rated",
            OrderEventTypes.AtRisk => "Order at risk",
            OrderEventTypes.Late => "Order late",
            OrderEventTypes.DriverUpdated => "Driver updated",
            OrderEventTypes.SupplierUpdated => "Supplier updated",
            OrderEventTypes.SettingsUpdated => "Settings saved",
            OrderEventTypes.BatchRolledBack => "Batch rolled back",
            _ => "Other event",
        };
    }
}
