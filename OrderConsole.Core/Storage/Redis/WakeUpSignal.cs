namespace OrderConsole.Core.Storage.Redis;

/// <summary>
/// A wake-up that readers take before they read and wait on after: any number of pulses while a read runs
/// complete the one task the reader holds, so they coalesce into one more read, and none is lost in between.
/// </summary>
internal sealed class WakeUpSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first pulse after it was taken.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
