using System.Diagnostics;

namespace OrderConsole.Tests.Support;

/// <summary>
/// Waiting for something that happens on another thread, with a generous upper bound. The bound only
/// keeps a broken test from hanging; no test asserts how fast anything is.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task HoldsAsync(Func<bool> condition, string what) => HoldsAsync(() => Task.FromResult(condition()), what);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"gave up waiting until {what}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until <paramref name="probe"/> gives a value, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what = "a value appeared")
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"gave up waiting until {what}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Gives work that should NOT happen a chance to show up before a test asserts its absence. It can only
    /// make such a test pass by mistake on a very slow machine, never fail by mistake.
    /// </summary>
    public static Task SettleAsync() => Task.Delay(TimeSpan.FromMilliseconds(250));
}
