using System.Globalization;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>Turns what Redis and the scripts answered into the domain's errors, with the same words the in-memory store uses.</summary>
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
        if (refused.Prefix != "BATCH" || words.Length < 3
            || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= transitions.Count)
        {
            return Refused(refused);
        }

        var transition = transitions[index];
        return FromVerdict(words[2], transition.Next) is { } reason
            ? new BatchFailedException(index, transition.Next.Id, transition.ExpectedStatus, transition.Next.Status, reason)
            : Refused(refused);
    }

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
            "DRIVERBUSY" => TransitionChecks.DriverNotAvailable(words.ElementAtOrDefault(1) ?? "?", (words.ElementAtOrDefault(2) ?? "busy").Replace('_', ' ')),
            _ => null,
        };
    }

    /// <summary>The server itself said no (out of memory, read-only replica, still loading, busy script): nothing was applied.</summary>
    public static StoreUnavailableException Refused(RedisServerException refused) =>
        new($"the store refused the command ({refused.Message}), so nothing was changed; try again once it recovers", outcomeUnknown: false, refused);

    public static StoreUnavailableException Unavailable(RedisException failure) => failure is RedisOutcomeUnknownException
        ? new StoreUnavailableException("the store stopped answering while the command was under way; it may or may not have been applied — check the order, then retry", outcomeUnknown: true, failure)
        : new StoreUnavailableException("the store is unreachable right now, so nothing was changed; try again in a moment", outcomeUnknown: false, failure);
}
