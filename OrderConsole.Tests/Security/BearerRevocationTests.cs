using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Accounts;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>
/// A bearer token carries its user's security stamp and is checked on every request: it stops working at once
/// when the user is disabled, locked, re-roled or given a new password on this instance.
/// </summary>
public sealed class BearerRevocationTests(AccountsConsole console) : UserAdministrationSpec(console), IClassFixture<AccountsConsole>
{
    [Fact]
    public async Task A_token_whose_user_nobody_changed_keeps_working()
    {
        var created = await CreateUserAsync();
        using var client = await ApiClient.AsAsync(Console, created.UserName, Password);

        Assert.Equal(HttpStatusCode.OK, await OrdersStatusAsync(client));
        Assert.Equal(HttpStatusCode.OK, await OrdersStatusAsync(client));
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_bearer_token_at_once()
    {
        var created = await CreateUserAsync();
        using var client = await ApiClient.AsAsync(Console, created.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, await OrdersStatusAsync(client));

        await Administration.DisableAsync(Admin, created.Id);

        Assert.Equal("the bearer token no longer works: its user is disabled", await RefusalAsync(client));
    }

    [Fact]
    public async Task Locking_a_user_out_ends_their_bearer_token_at_once()
    {
        var created = await CreateUserAsync();
        using var client = await ApiClient.AsAsync(Console, created.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, await OrdersStatusAsync(client));

        await using (var scope = Console.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(created.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal("the bearer token no longer works: its user is locked out", await RefusalAsync(client));
    }

    [Fact]
    public async Task Changing_a_users_roles_ends_their_bearer_token_at_once()
    {
        var created = await CreateUserAsync();
        using var client = await ApiClient.AsAsync(Console, created.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, await OrdersStatusAsync(client));

        await Administration.ChangeAccessAsync(Admin, created.Id, new UserAccess([Role.Customer], null, null));

        Assert.Contains("changed since it was issued", await RefusalAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_password_ends_the_users_bearer_token_at_once()
    {
        var created = await CreateUserAsync();
        using var client = await ApiClient.AsAsync(Console, created.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, await OrdersStatusAsync(client));

        await Administration.ResetPasswordAsync(Admin, created.Id, "a-brand-new-password");

        Assert.Contains("changed since it was issued", await RefusalAsync(client), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> OrdersStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ApiClient.Path("/api/orders"));
        return response.StatusCode;
    }

    /// <summary>The 401 the token now gets, and its problem detail.</summary>
    private static async Task<string> RefusalAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ApiClient.Path("/api/orders"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}
