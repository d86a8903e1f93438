using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;

namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// The Redis connection's instruments on the application meter: command round-trip time, connection state,
/// reconnects. The names, units and tags are the ones the dashboards and alerts already use.
/// </summary>
internal sealed class RedisMetrics : IDisposable
{
    private static readonly double[] s_durationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Meter? _ownMeter;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _reconnects;

    /// <param name="connection">Whose state the gauge reports.</param>
    /// <param name="meters">The app's meter factory; without one (tests, benchmarks) the instruments live on a meter of their own.</param>
    public RedisMetrics(RedisStoreConnection connection, IMeterFactory? meters)
    {
        // Each connection gets its own observable gauge, so the meter is per connection when there is no factory.
        var meter = meters?.Create(ConsoleMetrics.MeterName) ?? (_ownMeter = new Meter(ConsoleMetrics.MeterName));
        _commandDuration = meter.CreateHistogram(
            "redis.command.duration",
            unit: "s",
            description: "Time from issuing a Redis command to receiving its reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
        _reconnects = meter.CreateCounter<long>(
            "redis.connection.reconnects",
            unit: "{attempt}",
            description: "Attempts to re-establish a lost Redis connection, by outcome.");
        meter.CreateObservableGauge(
            "redis.connection.state",
            () => Observe(connection),
            unit: "{state}",
            description: "1 while a Redis connection is connected, 0 while it is connecting or reconnecting; tagged with its state.");
    }

    public void RecordDuration(string command, long startTimestamp, bool failed)
    {
        if (!_commandDuration.Enabled)
        {
            return;
        }

        var seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        if (failed)
        {
            _commandDuration.Record(seconds, new("db.operation.name", command), new("error.type", "server_error"));
        }
        else
        {
            _commandDuration.Record(seconds, new KeyValuePair<string, object?>("db.operation.name", command));
        }
    }

    public void RecordReconnect(bool succeeded) =>
        _reconnects.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure"));

    public void Dispose() => _ownMeter?.Dispose();

    private static IEnumerable<Measurement<int>> Observe(RedisStoreConnection connection)
    {
        var state = connection.State;
        if (state == RedisConnectionState.Disposed)
        {
            yield break;
        }

        yield return new Measurement<int>(
            connection.IsConnected ? 1 : 0,
            new KeyValuePair<string, object?>("redis.connection.name", connection.DisplayName),
            new KeyValuePair<string, object?>("redis.connection.state", connection.IsConnected ? "connected" : "reconnecting"));
    }
}
