using System.Collections.Concurrent;

namespace OrderConsole.Accounts;

/// <summary>
/// Sign-in abuse limits for the sign-in page and <c>POST /api/auth/login</c> alike: every attempt counts against
/// the client address; wrong passwords count against the account and against the account from that client.
/// Refusals expire with their window, so nobody outside can lock an account for good — and the per-account and
/// client limit keeps an attacker's failures from shutting out the owner signing in from elsewhere.
/// </summary>
public sealed class SignInGuard(SignInLimits limits, TimeProvider clock)
{
    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts an attempt by <paramref name="client"/> for <paramref name="account"/>; a refusal says how long to wait.</summary>
    public TimeSpan? Admit(string client, string account)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        var name = Normalize(account);
        return Refusal(now, "client:" + client, limits.PerClient, limits.ClientWindow, count: true)
            ?? Refusal(now, "account:" + name, limits.FailuresPerAccount, limits.FailureWindow, count: false)
            ?? Refusal(now, $"pair:{name}\n{client}", limits.FailuresPerAccountAndClient, limits.FailureWindow, count: false);
    }

    /// <summary>Counts a wrong password (or an unknown name) against the account, from everywhere and from this client.</summary>
    public void Failed(string client, string account)
    {
        var now = clock.GetUtcNow();
        var name = Normalize(account);
        Count(now, "account:" + name, limits.FailureWindow);
        Count(now, $"pair:{name}\n{client}", limits.FailureWindow);
    }

    /// <summary>A right password clears this client's failures for the account.</summary>
    public void Succeeded(string client, string account) => _windows.TryRemove($"pair:{Normalize(account)}\n{client}", out _);

    /// <summary>An admin let the user in again (enabled them, reset their password): their failures are forgotten.</summary>
    public void Forgive(string account)
    {
        var name = Normalize(account);
        foreach (var key in _windows.Keys.Where(key => key == "account:" + name || key.StartsWith($"pair:{name}\n", StringComparison.Ordinal)))
        {
            _windows.TryRemove(key, out _);
        }
    }

    private TimeSpan? Refusal(DateTimeOffset now, string key, int limit, TimeSpan length, bool count)
    {
        var window = _windows.AddOrUpdate(
            key,
            _ => new Window(now, count ? 1 : 0),
            (_, current) => now - current.Start >= length ? new Window(now, count ? 1 : 0) : count ? current with { Count = current.Count + 1 } : current);
        var over = count ? window.Count > limit : window.Count >= limit;
        return over ? window.Start + length - now : null;
    }

    private void Count(DateTimeOffset now, string key, TimeSpan length) =>
        _windows.AddOrUpdate(key, _ => new Window(now, 1), (_, current) => now - current.Start >= length ? new Window(now, 1) : current with { Count = current.Count + 1 });

    private void Prune(DateTimeOffset now)
    {
        if (_windows.Count <= PruneAbove)
        {
            return;
        }

        var longest = limits.FailureWindow > limits.ClientWindow ? limits.FailureWindow : limits.ClientWindow;
        foreach (var (key, window) in _windows)
        {
            if (now - window.Start >= longest)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private sealed record Window(DateTimeOffset Start, int Count);
}
