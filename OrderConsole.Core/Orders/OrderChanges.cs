namespace OrderConsole.Core.Orders;

/// <summary>
/// Every change an order can go through, as pure functions from one snapshot to the next. Each checks the
/// transition table and the inputs first, then returns the new snapshot with its stage time and version set.
/// </summary>
public static class OrderChanges
{
    public static Order Create(
        Supplier supplier, IReadOnlyList<OrderItem> items, decimal? markupPercentage, DateTimeOffset now,
        string trackingId, string trackingToken)
    {
        var checkedItems = OrderInput.Items(items);
        var markup = markupPercentage ?? Pricing.DefaultMarkupPercentage;
        Pricing.EnsureMarkup(markup);
        var supplierPrice = Pricing.RoundToCents(checkedItems.Sum(item => item.LineTotal));
        Pricing.EnsureSupplierPrice(supplierPrice);

        return new Order
        {
            Id = Guid.CreateVersion7(now),
            TrackingId = trackingId,
            TrackingToken = trackingToken,
            SupplierId = supplier.Id,
            SupplierName = supplier.Name,
            Items = checkedItems,
            SupplierPrice = supplierPrice,
            MarkupPercentage = markup,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static Order AcceptBySupplier(Order order, string? notes, int? estimatedMinutes, DateTimeOffset now)
    {
        var next = MoveTo(order, OrderStatus.SupplierAccepted, now);
        return next with
        {
            SupplierNotes = OrderInput.Optional(notes, "notes", OrderInput.MaxTextLength, multiLine: true),
            EstimatedDeliveryTime = OrderInput.EstimatedMinutes(estimatedMinutes),
            SupplierRespondedAt = now,
        };
    }

    public static Order RejectBySupplier(Order order, string? reason, DateTimeOffset now)
    {
        var next = MoveTo(order, OrderStatus.SupplierRejected, now);
        return next with
        {
            RejectionReason = OrderInput.Required(reason, "rejection_reason", OrderInput.MaxTextLength, multiLine: true),
            SupplierRespondedAt = now,
        };
    }

    public static Order AcceptByCustomer(Order order, string? name, string? phone, string? address, DateTimeOffset now, string? customerId = null)
    {
        var next = MoveTo(order, OrderStatus.CustomerAccepted, now);
        return next with
        {
            CustomerId = customerId,
            CustomerName = OrderInput.Required(name, "customer_name", OrderInput.MaxNameLength),
            CustomerPhone = OrderInput.Phone(phone),
            DeliveryAddress = OrderInput.Required(address, "delivery_address", OrderInput.MaxAddressLength),
            CustomerPrice = Pricing.CustomerPrice(order.SupplierPrice, order.MarkupPercentage),
        };
    }

    public static Order Dispatch(Order order, string driverId, string driverName, string? driverPhone, DateTimeOffset now)
    {
        EnsureDispatchable(order);
        return MoveTo(order, OrderStatus.Dispatched, now) with { DriverId = driverId, DriverName = driverName, DriverPhone = driverPhone };
    }

    /// <summary>
    /// Gives a dispatched order another driver. It stays dispatched and keeps its first dispatch time, so delivery
    /// times still count from when it first left the shelf for the road.
    /// </summary>
    public static Order Reassign(Order order, string driverId, string driverName, string? driverPhone, DateTimeOffset now)
    {
        EnsureReassignable(order, driverId);
        OrderTransitions.EnsureAllowed(order, OrderStatus.Dispatched);
        return order with
        {
            DriverId = driverId,
            DriverName = driverName,
            DriverPhone = driverPhone,
            UpdatedAt = now,
            Version = order.Version + 1,
        };
    }

    /// <summary>A dispatched order already has a driver; changing it is a reassignment, and the message says so.</summary>
    public static void EnsureDispatchable(Order order)
    {
        if (order.Status == OrderStatus.Dispatched)
        {
            throw new IllegalTransitionException(order.Id, order.Status, OrderStatus.Dispatched, "reassign it to change its driver");
        }
    }

    /// <summary>Only a dispatched order, not yet on the road, can change drivers, and only to a different driver.</summary>
    public static void EnsureReassignable(Order order, string driverId)
    {
        if (order.Status != OrderStatus.Dispatched)
        {
            throw new IllegalTransitionException(order.Id, order.Status, OrderStatus.Dispatched, "only a dispatched order can be reassigned to another driver");
        }

        if (order.DriverId == driverId)
        {
            throw new OrderValidationException("driver_id", $"{order.DriverName ?? driverId} already has this order; choose another driver");
        }
    }

    public static Order Cancel(Order order, string? reason, DateTimeOffset now) =>
        MoveTo(order, OrderStatus.Cancelled, now) with
        {
            CancellationReason = OrderInput.Required(reason, "cancellation_reason", OrderInput.MaxTextLength, multiLine: true),
        };

    /// <summary>
    /// A move that needs no input beyond the status (preparing, ready, in transit, delivered): sets the
    /// status, its stage time, <see cref="Order.UpdatedAt"/> and the next version.
    /// </summary>
    /// <summary>The customer's rating on a delivered order that has none yet; the order stays delivered.</summary>
    public static Order GiveFeedback(Order order, CustomerFeedback feedback)
    {
        if (order.Status != OrderStatus.Delivered)
        {
            throw new OrderConflictException($"order {order.SupplierTrackingId} is not delivered yet; feedback can be given once it is") { CurrentStatus = order.Status };
        }

        if (order.Feedback is not null)
        {
            throw FeedbackAlreadyGiven(order);
        }

        return order with { Feedback = feedback, UpdatedAt = feedback.GivenAt, Version = order.Version + 1 };
    }

    public static OrderConflictException FeedbackAlreadyGiven(Order order) =>
        new($"feedback for order {order.SupplierTrackingId} was already given; thank you") { CurrentStatus = order.Status };

    public static Order MoveTo(Order order, OrderStatus to, DateTimeOffset now)
    {
        OrderTransitions.EnsureAllowed(order, to);
        var next = order with { Status = to, UpdatedAt = now, Version = order.Version + 1 };
        return to switch
        {
            OrderStatus.SupplierAccepted or OrderStatus.SupplierRejected => next with { SupplierRespondedAt = now },
            OrderStatus.CustomerAccepted => next with { CustomerAcceptedAt = now },
            OrderStatus.Preparing => next with { PreparingAt = now },
            OrderStatus.Ready => next with { ReadyAt = now },
            OrderStatus.Dispatched => next with { DispatchedAt = now },
            OrderStatus.InTransit => next with { InTransitAt = now },
            OrderStatus.Delivered => next with { DeliveredAt = now },
            OrderStatus.Cancelled => next with { CancelledAt = now },
            _ => next,
        };
    }
}
