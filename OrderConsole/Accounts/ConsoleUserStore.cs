using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>
/// ASP.NET Core Identity's view of <see cref="IUserAccounts"/>: passwords, security stamps, lockout and roles.
/// A disabled user reads as locked out for ever, so Identity refuses their sign-in by its own rules.
/// </summary>
public sealed class ConsoleUserStore(IUserAccounts accounts, AccountStamps stamps) :
    IUserPasswordStore<ConsoleUser>,
    IUserSecurityStampStore<ConsoleUser>,
    IUserLockoutStore<ConsoleUser>,
    IUserRoleStore<ConsoleUser>
{
    public async Task<IdentityResult> CreateAsync(ConsoleUser user, CancellationToken cancellationToken) =>
        await accounts.CreateAsync(user, cancellationToken)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.UserName));

    public async Task<IdentityResult> UpdateAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (await accounts.UpdateAsync(user, expected, cancellationToken))
        {
            stamps.Forget(user.Id);
            return IdentityResult.Success;
        }

        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        await accounts.DeleteAsync(user.Id, cancellationToken);
        stamps.Forget(user.Id);
        return IdentityResult.Success;
    }

    public Task<ConsoleUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => accounts.FindByIdAsync(userId, cancellationToken);

    public Task<ConsoleUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) => accounts.FindByNameAsync(normalizedUserName, cancellationToken);

    public Task<string> GetUserIdAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(ConsoleUser user, string? userName, CancellationToken cancellationToken) => Set(() => user.UserName = userName ?? string.Empty);

    public Task<string?> GetNormalizedUserNameAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(ConsoleUser user, string? normalizedName, CancellationToken cancellationToken) => Set(() => user.NormalizedUserName = normalizedName ?? string.Empty);

    public Task SetPasswordHashAsync(ConsoleUser user, string? passwordHash, CancellationToken cancellationToken) => Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetPasswordHashAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(ConsoleUser user, string stamp, CancellationToken cancellationToken) => Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetSecurityStampAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(ConsoleUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.IsDisabled ? DateTimeOffset.MaxValue : user.LockoutEnd);

    public Task SetLockoutEndDateAsync(ConsoleUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) => Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(ConsoleUser user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(ConsoleUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled || user.IsDisabled);

    public Task SetLockoutEnabledAsync(ConsoleUser user, bool enabled, CancellationToken cancellationToken) => Set(() => user.LockoutEnabled = enabled);

    public Task AddToRoleAsync(ConsoleUser user, string roleName, CancellationToken cancellationToken) =>
        Set(() =>
        {
            var role = ConsoleRoles.Parse(roleName);
            if (!user.Roles.Contains(role))
            {
                user.Roles.Add(role);
            }
        });

    public Task RemoveFromRoleAsync(ConsoleUser user, string roleName, CancellationToken cancellationToken) =>
        Set(() => user.Roles.Remove(ConsoleRoles.Parse(roleName)));

    public Task<IList<string>> GetRolesAsync(ConsoleUser user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([.. user.Roles.Select(ConsoleRoles.Name)]);

    public Task<bool> IsInRoleAsync(ConsoleUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(ConsoleRoles.TryParse(roleName, out var role) && user.Roles.Contains(role));

    public async Task<IList<ConsoleUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var role = ConsoleRoles.Parse(roleName);
        return [.. (await accounts.ListAsync(cancellationToken)).Where(user => user.Roles.Contains(role))];
    }

    public void Dispose()
    {
        // Nothing to release: the accounts store is a singleton.
    }

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
