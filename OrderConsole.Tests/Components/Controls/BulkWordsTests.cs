using OrderConsole.Components.Controls;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>A bulk action's result for each order reads as words: the order code and why it was refused.</summary>
public sealed class BulkWordsTests
{
    [Fact]
    public void A_driver_who_is_not_available_is_named_with_their_status_not_called_a_change_to_the_order()
    {
        var outcome = new BulkOutcome(Guid.NewGuid(), null, TransitionChecks.DriverNotAvailable("Ana Lopez", "busy"));

        var line = BulkWords.Describe(outcome, "LUI-2", "assigned to Ana Lopez", "assigned");

        Assert.Equal("LUI-2 not assigned: Ana Lopez is busy; choose an available driver", line.Text);
    }

    [Fact]
    public void An_order_someone_else_changed_first_is_said_to_have_changed_meanwhile()
    {
        var outcome = new BulkOutcome(Guid.NewGuid(), null, TransitionChecks.Conflict(Guid.NewGuid(), Core.Orders.OrderStatus.Dispatched, 7));

        var line = BulkWords.Describe(outcome, "LUI-3", "assigned to Ana Lopez", "assigned");

        Assert.Equal("LUI-3 not assigned: it changed meanwhile; look at it again", line.Text);
    }
}
