using System.Text;

namespace OrderConsole.Core.Redis;

/// <summary>Where and how to connect; built in code or parsed from a connection string by <see cref="Parse"/>.</summary>
public sealed record RedisConnectionOptions
{
    public const int DefaultPort = 6379;

    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = DefaultPort;

    /// <summary>ACL user name; null authenticates as the default user (or not at all without a password).</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    public bool Ssl { get; init; }

    public int Database { get; init; }

    public string? ClientName { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a caller waits for a reply; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An idle connection sends PING this often, so a dead socket is found before a caller finds it.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public RespLimits Limits { get; init; } = RespLimits.Default;

    /// <summary>
    /// Parses <c>host:port,user=,password=,ssl=true,db=N,connectTimeout=ms,commandTimeout=ms,name=</c>
    /// (keys case-insensitive, timeouts in milliseconds). Throws <see cref="FormatException"/> naming the bad part.
    /// </summary>
    public static RedisConnectionOptions Parse(string connectionString) =>
        RedisConnectionString.Parse(connectionString);

    /// <summary>The options as a connection string, with the password masked so it can be logged.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)
            .Append(':').Append(Port);
        AppendIf(text, User is not null, "user", User);
        AppendIf(text, Password is not null, "password", "*****");
        AppendIf(text, Ssl, "ssl", "true");
        AppendIf(text, Database != 0, "db", Database.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppendIf(text, ClientName is not null, "name", ClientName);
        AppendIf(text, true, "connectTimeout", Milliseconds(ConnectTimeout));
        AppendIf(text, true, "commandTimeout", Milliseconds(CommandTimeout));
        return text.ToString();
    }

    private static void AppendIf(StringBuilder text, bool condition, string key, string? value)
    {
        if (condition)
        {
            text.Append(',').Append(key).Append('=').Append(value);
        }
    }

    private static string Milliseconds(TimeSpan value) => value == Timeout.InfiniteTimeSpan
        ? "-1"
        : ((long)value.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
