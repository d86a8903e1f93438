using System.Globalization;

namespace OrderConsole.Core.Redis;

/// <summary>Turns a connection string into <see cref="RedisConnectionOptions"/>, rejecting anything it does not understand.</summary>
internal static class RedisConnectionString
{
    private const string KnownKeys = "user, password, ssl, db, connectTimeout, commandTimeout, name";

    public static RedisConnectionOptions Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Bad("it is empty; expected host:port followed by ,key=value options");
        }

        var parts = connectionString.Split(',');
        var options = ParseEndpoint(parts[0].Trim());
        for (var i = 1; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw Bad($"'{part}' is not key=value");
            }

            options = Apply(options, part[..equals].Trim(), part[(equals + 1)..].Trim());
        }

        return options;
    }

    private static RedisConnectionOptions ParseEndpoint(string endpoint)
    {
        if (endpoint.Length == 0 || endpoint.Contains('=', StringComparison.Ordinal))
        {
            throw Bad($"it must start with host or host:port, not '{endpoint}'");
        }

        string host;
        string? port = null;
        if (endpoint.StartsWith('['))
        {
            // IPv6 literal: [::1]:6379
            var close = endpoint.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < endpoint.Length && endpoint[close + 1] != ':'))
            {
                throw Bad($"'{endpoint}' is not a valid [IPv6]:port endpoint");
            }

            host = endpoint[1..close];
            port = close + 1 < endpoint.Length ? endpoint[(close + 2)..] : null;
        }
        else
        {
            var colon = endpoint.LastIndexOf(':');
            host = colon < 0 ? endpoint : endpoint[..colon];
            port = colon < 0 ? null : endpoint[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw Bad($"the endpoint '{endpoint}' has no host");
        }

        var options = new RedisConnectionOptions { Host = host };
        if (port is null)
        {
            return options;
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw Bad($"the port '{port}' is not a number from 1 to 65535");
        }

        return options with { Port = number };
    }

    private static RedisConnectionOptions Apply(RedisConnectionOptions options, string key, string value)
    {
        switch (key.ToUpperInvariant())
        {
            case "USER":
                return options with { User = NonEmpty(key, value) };
            case "PASSWORD":
                return options with { Password = value };
            case "SSL":
                return bool.TryParse(value, out var ssl)
                    ? options with { Ssl = ssl }
                    : throw Bad($"ssl='{value}' must be true or false");
            case "DB":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var db)
                    ? options with { Database = db }
                    : throw Bad($"db='{value}' must be a database number, 0 or more");
            case "CONNECTTIMEOUT":
                return options with { ConnectTimeout = Milliseconds(key, value, allowInfinite: false) };
            case "COMMANDTIMEOUT":
                return options with { CommandTimeout = Milliseconds(key, value, allowInfinite: true) };
            case "NAME":
                return value.Any(char.IsWhiteSpace)
                    ? throw Bad($"name='{value}' must not contain spaces (Redis refuses them in CLIENT SETNAME)")
                    : options with { ClientName = NonEmpty(key, value) };
            default:
                throw Bad($"'{key}' is not a known option; known options are {KnownKeys}");
        }
    }

    private static string NonEmpty(string key, string value) =>
        value.Length > 0 ? value : throw Bad($"{key}= needs a value");

    private static TimeSpan Milliseconds(string key, string value, bool allowInfinite)
    {
        if (allowInfinite && value == "-1")
        {
            return Timeout.InfiniteTimeSpan;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : throw Bad($"{key}='{value}' must be a positive number of milliseconds{(allowInfinite ? " (or -1 for no timeout)" : "")}");
    }

    private static FormatException Bad(string problem) => new($"Invalid Redis connection string: {problem}.");
}
