using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Users;

namespace OrderConsole.Tests.Components;

/// <summary>
/// The console's test context plus its accounts: Identity over the console's user store on the in-memory accounts,
/// and the user administration the users page runs on. An admin named "admin" exists and is signed in.
/// </summary>
public abstract class AccountsTestContext : ConsoleTestContext
{
    protected const string Password = "a-long-enough-password";

    protected AccountsTestContext()
    {
        Services.AddSingleton<IOrderStore>(Store);
        Services.AddSingleton<IUserAccounts, InMemoryUserAccounts>();
        Services.AddSingleton<AccountStamps>();
        Services.AddSingleton(SignInLimits.From(new ConfigurationBuilder().Build()));
        Services.AddSingleton<SignInGuard>();
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddIdentityCore<ConsoleUser>(options =>
            {
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddUserStore<ConsoleUserStore>()
            .AddDefaultTokenProviders();
        Services.AddScoped<UserAdministration>();
    }

    /// <summary>Whether the admin named "admin" is created and signed in at the start; a test class may start with no admin.</summary>
    protected virtual bool StartsWithAdmin => true;

    /// <summary>The signed-in admin's user id.</summary>
    protected string AdminId { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        // bUnit takes no new services once one has been resolved, and creating the admin resolves Identity.
        var authorization = AddAuthorization();
        await base.InitializeAsync();
        if (!StartsWithAdmin)
        {
            return;
        }

        var admin = await CreateUserAsync("admin", Role.Admin);
        AdminId = admin.Id;
        authorization.SetAuthorized("admin").SetRoles(ConsoleRoles.Admin).SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
    }

    /// <summary>Creates a user straight through Identity, as another admin would have.</summary>
    protected async Task<ConsoleUser> CreateUserAsync(string userName, Role role, string? supplierId = null)
    {
        var user = new ConsoleUser { UserName = userName, Roles = [role], SupplierId = supplierId };
        var result = await Users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(error => error.Description)));
        return user;
    }

    /// <summary>The user as the store has them now, or null.</summary>
    protected Task<ConsoleUser?> StoredAsync(string userName) => Users.FindByNameAsync(userName);

    private UserManager<ConsoleUser> Users => Services.GetRequiredService<UserManager<ConsoleUser>>();
}
