using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;

namespace OrderConsole.Core.Workers;

/// <summary>
/// The workers' instruments on the application meter, tagged <c>worker</c>: lag, pending entries and dead letters as
/// gauges read from the <see cref="WorkerStatusBoard"/>, handled events and failed attempts as counters.
/// </summary>
public sealed class WorkerMetrics : IDisposable
{
    private readonly Meter? _ownMeter;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _deadLettered;

    /// <param name="board">Whose figures the gauges report.</param>
    /// <param name="meters">The app's meter factory; without one (tests, benchmarks) a meter of its own.</param>
    public WorkerMetrics(WorkerStatusBoard board, IMeterFactory? meters)
    {
        var meter = meters?.Create(ConsoleMetrics.MeterName) ?? (_ownMeter = new Meter(ConsoleMetrics.MeterName));
        _handled = meter.CreateCounter<long>("orderconsole.worker.events", unit: "{event}", description: "Events whose effect a worker committed.");
        _failures = meter.CreateCounter<long>("orderconsole.worker.failures", unit: "{attempt}", description: "Failed attempts at an event's effect.");
        _deadLettered = meter.CreateCounter<long>("orderconsole.worker.dead_lettered", unit: "{event}", description: "Events moved to a worker's dead letters after too many failed attempts.");
        meter.CreateObservableGauge(
            "orderconsole.worker.lag",
            () => Observe(board, status => status.Lag),
            unit: "{event}",
            description: "Feed events a worker's group has not read yet.");
        meter.CreateObservableGauge(
            "orderconsole.worker.pending",
            () => Observe(board, status => status.Pending),
            unit: "{event}",
            description: "Events handed to a worker's consumers and not yet acknowledged.");
        meter.CreateObservableGauge(
            "orderconsole.worker.dead_letters",
            () => Observe(board, status => status.DeadLetters),
            unit: "{event}",
            description: "Events in a worker's dead letters.");
    }

    public void RecordHandled(string worker) => _handled.Add(1, Tag(worker));

    public void RecordFailure(string worker) => _failures.Add(1, Tag(worker));

    public void RecordDeadLettered(string worker) => _deadLettered.Add(1, Tag(worker));

    public void Dispose() => _ownMeter?.Dispose();

    private static KeyValuePair<string, object?> Tag(string worker) => new("worker", worker);

    private static IEnumerable<Measurement<long>> Observe(WorkerStatusBoard board, Func<WorkerStatus, long?> figure)
    {
        foreach (var status in board.Current)
        {
            if (figure(status) is { } value)
            {
                yield return new Measurement<long>(value, Tag(status.Name));
            }
        }
    }
}
