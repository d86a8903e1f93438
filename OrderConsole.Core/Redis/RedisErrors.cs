namespace OrderConsole.Core.Redis;

/// <summary>Anything the Redis client reports; catch a subclass to act on the specific failure.</summary>
public abstract class RedisException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>The server answered with an error reply; <see cref="Prefix"/> holds its code (WRONGTYPE, NOSCRIPT, OOM, …).</summary>
public sealed class RedisServerException(string message) : RedisException(message)
{
    /// <summary>The first word of the error when it is an upper-case code (as Redis sends), otherwise "ERR".</summary>
    public string Prefix { get; } = PrefixOf(message);

    private static string PrefixOf(string message)
    {
        var end = message.IndexOf(' ', StringComparison.Ordinal);
        var word = end < 0 ? message : message[..end];
        foreach (var c in word)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return "ERR";
            }
        }

        return word.Length == 0 ? "ERR" : word;
    }
}

/// <summary>The bytes from the server do not form a valid RESP2 reply, or break a configured limit; the connection is dropped.</summary>
public sealed class RedisProtocolException(string message) : RedisException(message);

/// <summary>The command was not sent because there is no usable connection (connecting, reconnecting, or disposed); retrying is safe.</summary>
public class RedisConnectionException(string message, Exception? innerException = null) : RedisException(message, innerException);

/// <summary>
/// The command was sent but no reply came back (the connection dropped, or the caller stopped waiting):
/// the command may or may not have been applied. It is never re-sent by the client; retry only what is idempotent
/// or de-duplicated.
/// </summary>
public class RedisOutcomeUnknownException(string message, Exception? innerException = null) : RedisException(message, innerException);

/// <summary>No reply within the command timeout. The command may still run; its late reply is discarded.</summary>
public sealed class RedisTimeoutException(string message) : RedisOutcomeUnknownException(message);
