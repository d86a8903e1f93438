using System.Reflection;
using StackExchange.Redis;

namespace OrderConsole.Hubs.Relay;

/// <summary>
/// The backplane's connection, with one change: a publish made inside a <see cref="RelayScope"/> runs as one Lua
/// script that sets the send's mark (<c>SET NX</c>) and publishes only if the mark was not there. Redis runs the script
/// whole, so a send is either published and marked or neither — a relay that takes over after a crash skips exactly
/// the sends that happened. Everything else passes straight to the real multiplexer.
/// </summary>
public class MarkedPublishing : DispatchProxy
{
    private const string MarkAndPublish = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[3]) then
          return redis.call('PUBLISH', ARGV[1], ARGV[2])
        end
        return -1
        """;

    private IConnectionMultiplexer _multiplexer = default!;
    private ISubscriber? _subscriber;
    private string _markPrefix = string.Empty;
    private string _channelPrefix = string.Empty;
    private long _markLifetimeMs;

    /// <summary>Wraps <paramref name="multiplexer"/> (which publishes under <paramref name="channelPrefix"/>); marks are keys under <paramref name="markPrefix"/>.</summary>
    public static IConnectionMultiplexer Wrap(IConnectionMultiplexer multiplexer, string channelPrefix, string markPrefix, TimeSpan markLifetime)
    {
        var proxy = Create<IConnectionMultiplexer, MarkedPublishing>();
        var self = (MarkedPublishing)(object)proxy;
        self._multiplexer = multiplexer;
        self._channelPrefix = channelPrefix;
        self._markPrefix = markPrefix;
        self._markLifetimeMs = (long)markLifetime.TotalMilliseconds;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IConnectionMultiplexer.GetSubscriber))
        {
            return _subscriber ??= MarkedSubscriber.Wrap(_multiplexer.GetSubscriber(), this);
        }

        return Forward(targetMethod, _multiplexer, args);
    }

    internal static object? Forward(MethodInfo method, object target, object?[]? args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException thrown) when (thrown.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    internal async Task<long> PublishMarkedAsync(RelayScope scope, RedisChannel channel, RedisValue message)
    {
        var name = _channelPrefix + channel.ToString();
        var mark = $"{_markPrefix}{scope.EventId}:{scope.Send}:{channel}";
        var published = await _multiplexer.GetDatabase().ScriptEvaluateAsync(
            MarkAndPublish, [mark], [name, message, _markLifetimeMs]);
        return (long)published;
    }

    /// <summary>The subscriber side of <see cref="MarkedPublishing"/>: only <c>PublishAsync</c> inside a scope changes.</summary>
    public class MarkedSubscriber : DispatchProxy
    {
        private ISubscriber _subscriber = default!;
        private MarkedPublishing _owner = default!;

        internal static ISubscriber Wrap(ISubscriber subscriber, MarkedPublishing owner)
        {
            var proxy = Create<ISubscriber, MarkedSubscriber>();
            var self = (MarkedSubscriber)(object)proxy;
            self._subscriber = subscriber;
            self._owner = owner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(ISubscriber.PublishAsync) && RelayScope.Current is { } scope && args is [RedisChannel channel, RedisValue message, ..])
            {
                return _owner.PublishMarkedAsync(scope, channel, message);
            }

            return Forward(targetMethod, _subscriber, args);
        }
    }
}
