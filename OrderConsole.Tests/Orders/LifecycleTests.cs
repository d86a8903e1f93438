using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;
using static OrderConsole.Core.Orders.OrderStatus;

namespace OrderConsole.Tests.Orders;

/// <summary>
/// The lifecycle of DESIGN §2, written out move by move. This list is the specification; the transition
/// table in the code must agree with it, pair by pair.
/// </summary>
public sealed class LifecycleTests
{
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> s_lifecycle =
    [
        (PendingSupplier, SupplierAccepted),
        (PendingSupplier, SupplierRejected),
        (SupplierAccepted, CustomerAccepted),
        (CustomerAccepted, Preparing),
        (Preparing, Ready),
        (Ready, Dispatched),
        (Dispatched, Dispatched), // reassigned to another driver before the order is on the road
        (Dispatched, InTransit),
        (InTransit, Delivered),

        // Cancelled: from any state before dispatched.
        (PendingSupplier, Cancelled),
        (SupplierAccepted, Cancelled),
        (CustomerAccepted, Cancelled),
        (Preparing, Cancelled),
        (Ready, Cancelled),
    ];

    /// <summary>The move no command makes: a delivered order rated by its customer stays delivered.</summary>
    private static readonly (OrderStatus From, OrderStatus To) s_feedback = (Delivered, Delivered);

    /// <summary>The moves of the SLA watcher's alerts: an open order with an estimate flagged at risk or late keeps its status.</summary>
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> s_alerts =
    [
        (SupplierAccepted, SupplierAccepted),
        (CustomerAccepted, CustomerAccepted),
        (Preparing, Preparing),
        (Ready, Ready),
        (InTransit, InTransit),
    ];

    public static TheoryData<OrderStatus, OrderStatus> LifecycleMoves() => Pairs(inLifecycle: true);

    public static TheoryData<OrderStatus, OrderStatus> EveryOtherPair() => Pairs(inLifecycle: false);

    [Theory]
    [MemberData(nameof(LifecycleMoves))]
    public void A_move_in_the_lifecycle_is_allowed(OrderStatus from, OrderStatus to)
    {
        var order = Samples.InStatus(from);

        var next = OrderChanges.MoveTo(order, to, Samples.At.AddMinutes(1));

        Assert.True(OrderTransitions.IsAllowed(from, to));
        Assert.Equal(to, next.Status);
        Assert.Equal(order.Version + 1, next.Version);
        Assert.Equal(Samples.At.AddMinutes(1), next.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(EveryOtherPair))]
    public void A_move_outside_the_lifecycle_is_rejected_with_a_message_naming_both_statuses(OrderStatus from, OrderStatus to)
    {
        var order = Samples.InStatus(from, Guid.Parse("1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809"));

        var error = Assert.Throws<IllegalTransitionException>(() => OrderChanges.MoveTo(order, to, Samples.At));

        Assert.False(OrderTransitions.IsAllowed(from, to));
        Assert.Equal($"order 1a2b3c4d… is {from.ToWireName()}; it cannot go to {to.ToWireName()}", error.Message);
        Assert.Equal((order.Id, from, to), (error.OrderId, error.Current, error.Requested));
    }

    [Fact]
    public void The_rejection_message_reads_like_a_sentence()
    {
        var order = Samples.InStatus(Ready, Guid.Parse("1a2b3c4d-0000-7000-8000-000000000000"));

        var error = Assert.Throws<IllegalTransitionException>(() => OrderChanges.MoveTo(order, Preparing, Samples.At));

        Assert.Equal("order 1a2b3c4d… is ready; it cannot go to preparing", error.Message);
    }

    [Fact]
    public void The_transition_table_lists_exactly_the_lifecycle_moves()
    {
        Assert.Equal(
            s_lifecycle.Append(s_feedback).Concat(s_alerts).OrderBy(move => move).ToList(),
            OrderTransitions.AllowedMoves.OrderBy(move => move).ToList());
    }

    [Fact]
    public void Feedback_on_a_delivered_order_is_a_move_the_store_allows_and_no_command_makes()
    {
        var delivered = Samples.InStatus(Delivered);

        Assert.True(OrderTransitions.IsAllowed(Delivered, Delivered));
        Assert.Throws<IllegalTransitionException>(() => OrderChanges.MoveTo(delivered, Delivered, Samples.At));
        Assert.All(Enum.GetValues<Role>(), role => Assert.False(OrderTransitions.RoleMay(role, Delivered, Delivered)));
    }

    [Fact]
    public void An_sla_alert_keeps_the_status_and_is_a_move_no_command_makes()
    {
        Assert.All(s_alerts, move =>
        {
            Assert.True(OrderTransitions.IsAllowed(move.From, move.To));
            Assert.Throws<IllegalTransitionException>(() => OrderChanges.MoveTo(Samples.InStatus(move.From), move.To, Samples.At));
            Assert.All(Enum.GetValues<Role>(), role => Assert.False(OrderTransitions.RoleMay(role, move.From, move.To)));
        });
    }

    [Theory]
    [InlineData(Delivered)]
    [InlineData(SupplierRejected)]
    [InlineData(Cancelled)]
    public void A_finished_order_can_go_nowhere(OrderStatus final)
    {
        Assert.True(final.IsFinal());
        Assert.Empty(OrderTransitions.NextStatuses(final));
    }

    [Fact]
    public void Each_stage_records_its_own_time()
    {
        var order = Samples.NewOrder();
        var at = Samples.At;
        var path = new[] { SupplierAccepted, CustomerAccepted, Preparing, Ready, Dispatched, InTransit, Delivered };

        foreach (var status in path)
        {
            at = at.AddMinutes(1);
            order = OrderChanges.MoveTo(order, status, at);
        }

        var stageTimes = new[] { order.SupplierRespondedAt, order.CustomerAcceptedAt, order.PreparingAt, order.ReadyAt, order.DispatchedAt, order.InTransitAt, order.DeliveredAt };
        Assert.Equal(Enumerable.Range(1, 7).Select(minutes => (DateTimeOffset?)Samples.At.AddMinutes(minutes)), stageTimes);
        Assert.Equal(8, order.Version);
    }

    private static TheoryData<OrderStatus, OrderStatus> Pairs(bool inLifecycle)
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                if ((from, to) != s_feedback && !s_alerts.Contains((from, to)) && s_lifecycle.Contains((from, to)) == inLifecycle)
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }
}
