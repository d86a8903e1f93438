namespace OrderConsole.Tests.Live;

/// <summary>A subscriber callback that counts how often it ran.</summary>
internal sealed class CallCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task Callback()
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}
