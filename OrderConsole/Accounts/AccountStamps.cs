using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>
/// Whether a signed-in principal still stands for its account: the user exists, is neither disabled nor locked
/// out, and has the security stamp the sign-in carries. Bearer tokens are checked on every request; the account
/// is read from the store at most once per <see cref="AccountRevalidation.Interval"/> per user, and at once again
/// after this instance changes the account (other instances see the change within the interval).
/// </summary>
public sealed class AccountStamps(IUserAccounts accounts, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Checked> _accounts = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="principal"/> no longer stands for its account, or null while it does.</summary>
    public async Task<string?> RevokedBecauseAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } userId)
        {
            return "the token names no user";
        }

        var now = clock.GetUtcNow();
        if (!_accounts.TryGetValue(userId, out var account) || now - account.At >= AccountRevalidation.Interval)
        {
            account = new Checked(await accounts.FindByIdAsync(userId, cancellationToken), now);
            _accounts[userId] = account;
        }

        return account.User switch
        {
            null => "its user no longer exists",
            { IsDisabled: true } => "its user is disabled",
            { LockoutEnd: { } end } when end > now => "its user is locked out",
            { SecurityStamp: var stamp } when stamp != principal.FindFirstValue(claims.SecurityStampClaimType) =>
                "its user's password, roles or access changed since it was issued; sign in again",
            _ => null,
        };
    }

    /// <summary>The account changed here: the next request reads it again.</summary>
    public void Forget(string userId) => _accounts.TryRemove(userId, out _);

    private sealed record Checked(ConsoleUser? User, DateTimeOffset At);
}
