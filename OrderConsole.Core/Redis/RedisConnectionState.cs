namespace OrderConsole.Core.Redis;

/// <summary>Where a <see cref="RedisConnection"/> is in its life; commands are sent only while <see cref="Connected"/>.</summary>
public enum RedisConnectionState
{
    Connecting,
    Connected,
    Reconnecting,
    Disposed,
}

/// <summary>Raised when a connection changes state; <see cref="Cause"/> says why it left the connected state.</summary>
public sealed class RedisConnectionStateChangedEventArgs(
    RedisConnectionState previous, RedisConnectionState current, Exception? cause) : EventArgs
{
    public RedisConnectionState Previous { get; } = previous;

    public RedisConnectionState Current { get; } = current;

    public Exception? Cause { get; } = cause;
}
