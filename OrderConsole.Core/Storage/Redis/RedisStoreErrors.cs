using System.Globalization;
using OrderConsole.Core.Orders;
using StackExchange.Redis;
using Order = OrderConsole.Core.Orders.Order;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>Turns what Redis, the client and the scripts answered into the domain's errors, with the same words the in-memory store uses.</summary>
internal static class RedisStoreErrors
{
    public static Exception FromScript(RedisServerException refused, Order next) => (Exception?)FromVerdict(refused.Message, next) ?? Refused(refused);

    /// <summary>
    /// A batch script's "BATCH {index} {verdict}": which transition failed, with the error it met on its own,
    /// in the same words the scripts wrote into the batch.rolled_back event.
    /// </summary>
    public static Exception FromBatchScript(RedisServerException refused, IReadOnlyList<OrderTransition> transitions)
    {
        var words = refused.Message.Split(' ', 3);
        if (Code(refused) != "BATCH" || words.Length < 3
            || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= transitions.Count)
        {
            return Refused(refused);
        }

        var transition = transitions[index];
        return FromVerdict(words[2], transition.Next) is { } reason
            ? new BatchFailedException(index, transition.Next.Id, transition.ExpectedStatus, transition.Next.Status, reason)
            : Refused(refused);
    }

    /// <summary>The first word of a server error when it is an upper-case code (OOM, READONLY, BUSY, CONFLICT, …), otherwise "ERR".</summary>
    public static string Code(RedisServerException error)
    {
        var message = error.Message;
        var end = message.IndexOf(' ', StringComparison.Ordinal);
        var word = end < 0 ? message : message[..end];
        return word.Length > 0 && word.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-') ? word : "ERR";
    }

    /// <summary>The server itself said no (out of memory, read-only replica, still loading, busy script): nothing was applied.</summary>
    public static StoreUnavailableException Refused(RedisServerException refused) =>
        new($"the store refused the command ({refused.Message}), so nothing was changed; try again once it recovers", outcomeUnknown: false, refused);

    /// <summary>The client's own failures: no connection, a dropped connection, a timeout.</summary>
    public static bool IsConnectionFailure(Exception failure) =>
        failure is RedisConnectionException or RedisTimeoutException or ObjectDisposedException
        || (failure is RedisException && failure is not RedisServerException and not RedisCommandException);

    public static StoreUnavailableException Unavailable(Exception failure) => MayHaveRun(failure)
        ? new StoreUnavailableException("the store stopped answering while the command was under way; it may or may not have been applied — check the order, then retry", outcomeUnknown: true, failure)
        : new StoreUnavailableException("the store is unreachable right now, so nothing was changed; try again in a moment", outcomeUnknown: false, failure);

    /// <summary>
    /// Whether the command may have reached the server: it was written to the socket (or the client cannot say)
    /// before the connection dropped or the wait ran out. Commands never sent — no connection, still in the
    /// client's queue — cannot have run.
    /// </summary>
    private static bool MayHaveRun(Exception failure) => failure switch
    {
        RedisTimeoutException timeout => timeout.Commandstatus is not (CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog),
        RedisConnectionException dropped => dropped.CommandStatus == CommandStatus.Sent
            || (dropped.CommandStatus == CommandStatus.Unknown && dropped.FailureType is ConnectionFailureType.SocketClosed or ConnectionFailureType.SocketFailure),
        _ => false,
    };

    /// <summary>The domain error a script's verdict ("ILLEGAL ready", "CONFLICT ready 5", …) stands for; null for a verdict it does not know.</summary>
    private static OrderDomainException? FromVerdict(string verdict, Order next)
    {
        var words = verdict.Split(' ');
        OrderStatus Status(int at) => OrderStatusNames.TryParse(words.ElementAtOrDefault(at), out var status) ? status : next.Status;
        return words[0] switch
        {
            "NOTFOUND" => new OrderNotFoundException(next.Id.ToString()),
            "ILLEGAL" => new IllegalTransitionException(next.Id, Status(1), next.Status),
            "CONFLICT" => TransitionChecks.Conflict(next.Id, Status(1), long.Parse(words[2], CultureInfo.InvariantCulture)),
            "NODRIVER" => TransitionChecks.NoDriver(words.ElementAtOrDefault(1) ?? "?"),
            // DRIVERBUSY <status> <driver name, which may hold spaces>
            "DRIVERBUSY" => TransitionChecks.DriverNotAvailable(
                words.Length >= 3 ? string.Join(' ', words[2..]) : "?", (words.ElementAtOrDefault(1) ?? "busy").Replace('_', ' ')),
            "NOSTOCK" when words.Length >= 4 => new OutOfStockException(
                string.Join(' ', words[3..]), int.Parse(words[1], CultureInfo.InvariantCulture), int.Parse(words[2], CultureInfo.InvariantCulture)),
            "USEDUP" when words.Length >= 3 => new DiscountUsedUpException(words[2], int.Parse(words[1], CultureInfo.InvariantCulture)),
            _ => null,
        };
    }
}
