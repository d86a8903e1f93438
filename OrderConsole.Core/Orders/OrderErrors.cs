namespace OrderConsole.Core.Orders;

/// <summary>A rule of the domain said no. The message says what happened in words a person can act on.</summary>
public abstract class OrderDomainException(string message) : Exception(message);

/// <summary>The requested move is not in the transition table for the order's current status, or not for this command.</summary>
public sealed class IllegalTransitionException : OrderDomainException
{
    public IllegalTransitionException(Guid orderId, OrderStatus current, OrderStatus requested)
        : this(orderId, current, requested, $"it cannot go to {requested.ToWireName()}")
    {
    }

    /// <summary>A refusal whose second half says what would work instead, e.g. "only a dispatched order can be reassigned".</summary>
    public IllegalTransitionException(Guid orderId, OrderStatus current, OrderStatus requested, string instead)
        : base($"order {orderId.ToString("N")[..8]}… is {current.ToWireName()}; {instead}")
    {
        OrderId = orderId;
        Current = current;
        Requested = requested;
    }

    public Guid OrderId { get; }
    public OrderStatus Current { get; }
    public OrderStatus Requested { get; }
}

/// <summary>No order has the given id or code.</summary>
public sealed class OrderNotFoundException(string what)
    : OrderDomainException($"no order {what} exists");

/// <summary>Someone else changed the order first; reload and try again.</summary>
public sealed class OrderConflictException(string message) : OrderDomainException(message)
{
    public OrderStatus? CurrentStatus { get; init; }
}

/// <summary>An input value broke a rule; <see cref="Field"/> names the offending field in its wire name.</summary>
public sealed class OrderValidationException(string field, string message) : OrderDomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>The actor's role or binding does not allow this action on this order.</summary>
public sealed class ForbiddenOrderActionException(string message) : OrderDomainException(message);
