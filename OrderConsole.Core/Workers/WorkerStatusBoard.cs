using System.Collections.Concurrent;

namespace OrderConsole.Core.Workers;

/// <summary>
/// The latest <see cref="WorkerStatus"/> of every worker this instance runs; pages watch it to show the figures live.
/// </summary>
public sealed class WorkerStatusBoard
{
    private readonly ConcurrentDictionary<string, WorkerStatus> _workers = new(StringComparer.Ordinal);
    private readonly Lock _watchersLock = new();
    private ImmutableWatchers _watchers = ImmutableWatchers.None;
    private long _version;
    private Listing _listing = new(-1, []);

    /// <summary>Every worker's status, by name: one list per change, shared by every page that asks (a thousand dashboards ask after each).</summary>
    public IReadOnlyList<WorkerStatus> Current
    {
        get
        {
            var version = Interlocked.Read(ref _version);
            var listing = Volatile.Read(ref _listing);
            if (listing.Version == version)
            {
                return listing.Workers;
            }

            // Listed after reading the version: a change meanwhile raises the version again, so this list is never kept as newer than it is.
            listing = new Listing(version, [.. _workers.Values.OrderBy(status => status.Name, StringComparer.Ordinal)]);
            Volatile.Write(ref _listing, listing);
            return listing.Workers;
        }
    }

    public WorkerStatus? Find(string name) => _workers.GetValueOrDefault(name);

    /// <summary>Calls <paramref name="changed"/> after every change until the returned subscription is disposed.</summary>
    public IDisposable Watch(Action changed)
    {
        lock (_watchersLock)
        {
            _watchers = _watchers.With(changed);
        }

        return new Subscription(this, changed);
    }

    internal void Register(string name) => Change(name, status => status);

    internal void RecordHandled(string name, DateTimeOffset at) =>
        Change(name, status => status with { Handled = status.Handled + 1, LastHandledAt = at });

    internal void RecordError(string name, string error, DateTimeOffset at, bool attempt) =>
        Change(name, status => status with { Failures = status.Failures + (attempt ? 1 : 0), LastError = error, LastErrorAt = at });

    internal void ClearError(string name) => Change(name, status => status with { LastError = null, LastErrorAt = null });

    internal void RecordBacklog(string name, WorkerBacklog backlog, DateTimeOffset at) =>
        Change(name, status => status with { Lag = backlog.Lag, Pending = backlog.Pending, DeadLetters = backlog.DeadLetters, MeasuredAt = at });

    private void Change(string name, Func<WorkerStatus, WorkerStatus> change)
    {
        _workers.AddOrUpdate(name, key => change(new WorkerStatus(key)), (_, status) => change(status));
        Interlocked.Increment(ref _version);
        foreach (var watcher in Volatile.Read(ref _watchers).Callbacks)
        {
            watcher();
        }
    }

    private void Unwatch(Action changed)
    {
        lock (_watchersLock)
        {
            _watchers = _watchers.Without(changed);
        }
    }

    private sealed record Listing(long Version, IReadOnlyList<WorkerStatus> Workers);

    private sealed record ImmutableWatchers(Action[] Callbacks)
    {
        public static ImmutableWatchers None { get; } = new([]);

        public ImmutableWatchers With(Action callback) => new([.. Callbacks, callback]);

        public ImmutableWatchers Without(Action callback) => new([.. Callbacks.Where(existing => existing != callback)]);
    }

    private sealed class Subscription(WorkerStatusBoard board, Action changed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                board.Unwatch(changed);
            }
        }
    }
}
