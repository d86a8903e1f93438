namespace OrderConsole.Core.Orders;

/// <summary>A rule of the domain said no. The message says what happened in words a person can act on.</summary>
public abstract class OrderDomainException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>The requested move is not in the transition table for the order's current status, or not for this command.</summary>
public sealed class IllegalTransitionException : OrderDomainException
{
    public IllegalTransitionException(Guid orderId, OrderStatus current, OrderStatus requested)
        : base(Describe(orderId.ToString("N")[..8], current.ToWireName(), requested.ToWireName()))
    {
        OrderId = orderId;
        Current = current;
        Requested = requested;
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

    /// <summary>The words of a move the table does not allow, from already formatted parts (the Redis scripts build the same words from these).</summary>
    public static string Describe(string shortId, string current, string requested) =>
        $"order {shortId}… is {current}; it cannot go to {requested}";
}

/// <summary>No order has the given id or code.</summary>
public sealed class OrderNotFoundException(string what)
    : OrderDomainException(Describe(what))
{
    public static string Describe(string what) => $"no order {what} exists";
}

/// <summary>Someone else changed the order first; reload and try again.</summary>
public sealed class OrderConflictException(string message) : OrderDomainException(message)
{
    public OrderStatus? CurrentStatus { get; init; }

    /// <summary>The driver the change needed available but who was not, by name; null when the order itself changed.</summary>
    public string? UnavailableDriver { get; init; }

    /// <summary>That driver's status in words ("busy", "on break").</summary>
    public string? DriverStatus { get; init; }
}

/// <summary>An input value broke a rule; <see cref="Field"/> names the offending field in its wire name.</summary>
public sealed class OrderValidationException(string field, string message) : OrderDomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>The actor's role or binding does not allow this action on this order.</summary>
public sealed class ForbiddenOrderActionException(string message) : OrderDomainException(message);
