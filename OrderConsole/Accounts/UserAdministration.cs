using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>
/// Account administration: list, create, change access, disable, enable, reset a password. Each command first
/// checks that the caller is still an enabled admin in the store (not only in their cookie), then changes the
/// user through Identity's <see cref="UserManager{TUser}"/> in one save, so its validation runs and a refused
/// change leaves the user as they were.
/// </summary>
public sealed class UserAdministration(UserManager<ConsoleUser> users, IUserAccounts accounts, IOrderStore store, SignInGuard signInGuard, TimeProvider clock)
{
    public const int MaxUserNameLength = 64;

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(caller);
        var now = clock.GetUtcNow();
        return [.. (await accounts.ListAsync(cancellationToken)).Select(user => Summarize(user, now))];
    }

    public async Task<AccountSummary> CreateAsync(ClaimsPrincipal caller, NewUser request, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(caller);
        var userName = request.UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            throw new AccountChangeException("User name is required", "user_name");
        }

        if (userName.Length > MaxUserNameLength)
        {
            throw new AccountChangeException($"User name must be at most {MaxUserNameLength} characters; it has {userName.Length}", "user_name");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            throw new AccountChangeException("An initial password is required", "password");
        }

        var access = await CheckAccessAsync(request.Access, cancellationToken);
        var user = new ConsoleUser { UserName = userName, Roles = [.. access.Roles], SupplierId = access.SupplierId, DriverId = access.DriverId };
        Ensure(await users.CreateAsync(user, request.Password));
        return Summarize(user, clock.GetUtcNow());
    }

    /// <summary>Replaces a user's roles and bindings; their open sessions end, because they carry the old roles.</summary>
    public async Task ChangeAccessAsync(ClaimsPrincipal caller, string userId, UserAccess access, CancellationToken cancellationToken = default)
    {
        var admin = await RequireAdminAsync(caller);
        var user = await FindAsync(userId);
        var granted = await CheckAccessAsync(access, cancellationToken);
        if (user.Id == admin.Id && !granted.Roles.Contains(Role.Admin))
        {
            throw new AccountChangeException("You cannot remove your own admin role; another admin can.", "roles");
        }

        if (user.Roles.Order().SequenceEqual(granted.Roles) && user.SupplierId == granted.SupplierId && user.DriverId == granted.DriverId)
        {
            return;
        }

        (user.Roles, user.SupplierId, user.DriverId) = ([.. granted.Roles], granted.SupplierId, granted.DriverId);
        Ensure(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>
    /// Locks the user out for ever and gives them a new security stamp in the same save, so they can neither
    /// sign in nor keep using a cookie or circuit they already have.
    /// </summary>
    public async Task DisableAsync(ClaimsPrincipal caller, string userId)
    {
        var admin = await RequireAdminAsync(caller);
        var user = await FindAsync(userId);
        if (user.Id == admin.Id)
        {
            throw new AccountChangeException("You cannot disable yourself; another admin can.");
        }

        (user.IsDisabled, user.LockoutEnd) = (true, DateTimeOffset.MaxValue);
        Ensure(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Lets a disabled or locked-out user sign in again, with a clean count of failed attempts.</summary>
    public async Task EnableAsync(ClaimsPrincipal caller, string userId)
    {
        await RequireAdminAsync(caller);
        var user = await FindAsync(userId);
        (user.IsDisabled, user.LockoutEnd, user.AccessFailedCount) = (false, null, 0);
        Ensure(await users.UpdateAsync(user));
        signInGuard.Forgive(user.UserName);
    }

    /// <summary>Sets a new password through Identity's reset; the old password and every open session stop working.</summary>
    public async Task ResetPasswordAsync(ClaimsPrincipal caller, string userId, string? newPassword)
    {
        await RequireAdminAsync(caller);
        var user = await FindAsync(userId);
        if (string.IsNullOrEmpty(newPassword))
        {
            throw new AccountChangeException("A new password is required", "password");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        Ensure(await users.ResetPasswordAsync(user, token, newPassword));
        signInGuard.Forgive(user.UserName);
    }

    private async Task<ConsoleUser> RequireAdminAsync(ClaimsPrincipal caller)
    {
        if (!caller.IsInRole(ConsoleRoles.Admin))
        {
            throw new AccountForbiddenException("Only an admin may manage users.");
        }

        // The cookie may be older than a change to the caller's own account: the store has the last word.
        var admin = await users.GetUserAsync(caller);
        return admin is { IsDisabled: false } && admin.Roles.Contains(Role.Admin)
            ? admin
            : throw new AccountForbiddenException("Your account is no longer an enabled admin; sign in again.");
    }

    private async Task<ConsoleUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new AccountChangeException("That user no longer exists; reload the list.");

    private async Task<UserAccess> CheckAccessAsync(UserAccess access, CancellationToken cancellationToken)
    {
        if (access.Roles.Any(role => !Enum.IsDefined(role)))
        {
            throw new AccountChangeException("There is no such role", "roles");
        }

        var roles = access.Roles.Distinct().Order().ToList();
        if (roles.Count == 0)
        {
            throw new AccountChangeException("Choose at least one role", "roles");
        }

        string? supplierId = null;
        if (roles.Contains(Role.Supplier))
        {
            supplierId = access.SupplierId?.Trim();
            if (string.IsNullOrEmpty(supplierId))
            {
                throw new AccountChangeException("A supplier user needs a supplier: choose one", "supplier_id");
            }

            if (!(await store.ListSuppliersAsync(cancellationToken)).Any(supplier => supplier.Id == supplierId))
            {
                throw new AccountChangeException($"There is no supplier \"{supplierId}\"", "supplier_id");
            }
        }

        string? driverId = null;
        if (roles.Contains(Role.Driver))
        {
            driverId = access.DriverId?.Trim();
            if (string.IsNullOrEmpty(driverId))
            {
                throw new AccountChangeException("A driver user needs a driver: choose one", "driver_id");
            }

            if (await store.GetDriverAsync(driverId, cancellationToken) is null)
            {
                throw new AccountChangeException($"There is no driver \"{driverId}\"", "driver_id");
            }
        }

        return new UserAccess(roles, supplierId, driverId);
    }

    /// <summary>Turns Identity's refusal into ours, pointing at the field its first error is about.</summary>
    private static void Ensure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var first = result.Errors.First().Code;
        var field = first.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : first is "DuplicateUserName" or "InvalidUserName" ? "user_name"
            : null;
        var message = first == "ConcurrencyFailure"
            ? "Someone else changed this user a moment ago; reload and try again."
            : string.Join(" ", result.Errors.Select(error => error.Description));
        throw new AccountChangeException(message, field);
    }

    private static AccountSummary Summarize(ConsoleUser user, DateTimeOffset now) => new(
        user.Id,
        user.UserName,
        [.. user.Roles.Order()],
        user.SupplierId,
        user.DriverId,
        user.IsDisabled,
        !user.IsDisabled && user.LockoutEnd > now ? user.LockoutEnd : null);
}
