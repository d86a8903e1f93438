using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;

namespace OrderConsole.Core.Redis;

/// <summary>The client's instruments on the application meter: command duration, connection state, reconnects.</summary>
internal static class RedisMetrics
{
    private static Meter Meter => ConsoleMetrics.Meter;

    private static readonly ConcurrentDictionary<RedisConnection, bool> s_connections = new();

    private static readonly Histogram<double> s_commandDuration = Meter.CreateHistogram(
        "redis.command.duration",
        unit: "s",
        description: "Time from issuing a Redis command to receiving its reply.",
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });

    private static readonly Counter<long> s_reconnects = Meter.CreateCounter<long>(
        "redis.connection.reconnects",
        unit: "{attempt}",
        description: "Attempts to re-establish a lost Redis connection, by outcome.");

    // Kept in a field so the instrument is created once, when the type is first used.
    private static readonly ObservableGauge<int> s_state = Meter.CreateObservableGauge(
        "redis.connection.state",
        ObserveStates,
        unit: "{state}",
        description: "1 while a Redis connection is connected, 0 while it is connecting or reconnecting; tagged with its state.");

    public static void Track(RedisConnection connection)
    {
        _ = s_state;
        s_connections[connection] = true;
    }

    public static void Untrack(RedisConnection connection) => s_connections.TryRemove(connection, out _);

    public static void RecordDuration(string command, long startTimestamp, bool failed)
    {
        if (!s_commandDuration.Enabled)
        {
            return;
        }

        var seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        if (failed)
        {
            s_commandDuration.Record(seconds, new("db.operation.name", command), new("error.type", "server_error"));
        }
        else
        {
            s_commandDuration.Record(seconds, new KeyValuePair<string, object?>("db.operation.name", command));
        }
    }

    public static void RecordReconnect(bool succeeded) =>
        s_reconnects.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure"));

    private static IEnumerable<Measurement<int>> ObserveStates()
    {
        foreach (var connection in s_connections.Keys)
        {
            var state = connection.State;
            yield return new Measurement<int>(
                state == RedisConnectionState.Connected ? 1 : 0,
                new KeyValuePair<string, object?>("redis.connection.name", connection.DisplayName),
                new KeyValuePair<string, object?>("redis.connection.state", state.ToString().ToLowerInvariant()));
        }
    }
}
