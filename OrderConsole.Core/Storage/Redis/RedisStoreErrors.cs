using System.Globalization;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Redis;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>Turns what Redis and the scripts answered into the domain's errors, with the same words the in-memory store uses.</summary>
internal static class RedisStoreErrors
{
    public static Exception FromScript(RedisServerException refused, Order next)
    {
        var words = refused.Message.Split(' ');
        OrderStatus Status(int at) => OrderStatusNames.TryParse(words.ElementAtOrDefault(at), out var status) ? status : next.Status;
        return refused.Prefix switch
        {
            "NOTFOUND" => new OrderNotFoundException(next.Id.ToString()),
            "ILLEGAL" => new IllegalTransitionException(next.Id, Status(1), next.Status),
            "CONFLICT" => TransitionChecks.Conflict(next.Id, Status(1), long.Parse(words[2], CultureInfo.InvariantCulture)),
            "NODRIVER" => new OrderValidationException("driver_id", $"no driver {words.ElementAtOrDefault(1)} exists"),
            "DRIVERBUSY" => TransitionChecks.DriverNotAvailable(words.ElementAtOrDefault(1) ?? "?", (words.ElementAtOrDefault(2) ?? "busy").Replace('_', ' ')),
            _ => Refused(refused),
        };
    }

    /// <summary>The server itself said no (out of memory, read-only replica, still loading, busy script): nothing was applied.</summary>
    public static StoreUnavailableException Refused(RedisServerException refused) =>
        new($"the store refused the command ({refused.Message}), so nothing was changed; try again once it recovers", outcomeUnknown: false, refused);

    public static StoreUnavailableException Unavailable(RedisException failure) => failure is RedisOutcomeUnknownException
        ? new StoreUnavailableException("the store stopped answering while the command was under way; it may or may not have been applied — check the order, then retry", outcomeUnknown: true, failure)
        : new StoreUnavailableException("the store is unreachable right now, so nothing was changed; try again in a moment", outcomeUnknown: false, failure);
}
