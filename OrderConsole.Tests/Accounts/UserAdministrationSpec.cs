using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Accounts;

/// <summary>
/// What the account-administration tests share: the console on the embedded store, a scope per test,
/// the demo admin as caller, and ways to ask whether a user can sign in or still holds a working cookie.
/// </summary>
public abstract class UserAdministrationSpec(AccountsConsole console) : IAsyncLifetime
{
    protected const string Password = "a-long-enough-password";

    private AsyncServiceScope _scope;

    protected AccountsConsole Console { get; } = console;

    protected UserAdministration Administration => _scope.ServiceProvider.GetRequiredService<UserAdministration>();

    /// <summary>The demo admin, signed in.</summary>
    protected ClaimsPrincipal Admin { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _scope = Console.Services.CreateAsyncScope();
        Admin = await PrincipalOfAsync("admin");
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    /// <summary>The sign-in <paramref name="userName"/> gets now: their claims as the cookie would carry them.</summary>
    protected async Task<ClaimsPrincipal> PrincipalOfAsync(string userName)
    {
        await using var scope = Console.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ConsoleUser>>();
        return await claims.CreateAsync((await users.FindByNameAsync(userName))!);
    }

    protected static string NewName() => "user-" + Guid.NewGuid().ToString("N")[..8];

    protected Task<AccountSummary> CreateUserAsync(Role role = Role.Dispatcher, string? supplierId = null, string? driverId = null) =>
        Administration.CreateAsync(Admin, new NewUser(NewName(), Password, new UserAccess([role], supplierId, driverId)));

    protected async Task<ConsoleUser?> StoredAsync(string userName)
    {
        await using var scope = Console.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>().FindByNameAsync(userName);
    }

    protected async Task<bool> CanSignInAsync(string userName, string password)
    {
        try
        {
            using var client = await SignedInClient.AsAsync(Console, userName, password);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="client"/>'s cookie still opens the dispatch desk a check interval from now.</summary>
    protected async Task<bool> CookieStillWorksAsync(HttpClient client)
    {
        Console.StampClock.Advance(AccountRevalidation.Interval + TimeSpan.FromSeconds(1));
        using var page = await client.GetAsync(new Uri("/dispatch", UriKind.Relative));
        return page.StatusCode == HttpStatusCode.OK;
    }
}
