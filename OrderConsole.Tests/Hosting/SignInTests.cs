using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>Sign-in through the real form, with Identity's rules over the console's own user store.</summary>
public sealed class SignInTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task A_new_user_signs_in_with_their_password()
    {
        var name = await CreateUserAsync(Role.Dispatcher);

        using var client = await SignedInClient.AsAsync(factory, name, Password);
        using var page = await client.GetAsync(new Uri("/dispatch", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var name = await CreateUserAsync(Role.Dispatcher);
        await ChangeUserAsync(name, user => user.IsDisabled = true);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignedInClient.AsAsync(factory, name, Password));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var name = await CreateUserAsync(Role.Dispatcher);
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => SignedInClient.AsAsync(factory, name, "wrong-password"));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => SignedInClient.AsAsync(factory, name, Password));
    }

    [Fact]
    public async Task A_password_reset_replaces_the_old_password_and_the_security_stamp()
    {
        var name = await CreateUserAsync(Role.Dispatcher);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = (await users.FindByNameAsync(name))!;
        var stampBefore = user.SecurityStamp;

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, "a-brand-new-password");

        Assert.True(reset.Succeeded, string.Join("; ", reset.Errors.Select(error => error.Description)));
        Assert.NotEqual(stampBefore, (await users.FindByNameAsync(name))!.SecurityStamp);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SignedInClient.AsAsync(factory, name, Password));
        using var client = await SignedInClient.AsAsync(factory, name, "a-brand-new-password");
    }

    [Fact]
    public async Task A_supplier_users_sign_in_carries_their_role_and_supplier()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ConsoleUser>>();

        var principal = await claims.CreateAsync((await users.FindByNameAsync("supplier2"))!);
        var actor = principal.At(Role.Supplier);

        Assert.Equal(new Actor("supplier2", Role.Supplier, SupplierId: "napoli"), actor);
        Assert.Null(principal.At(Role.Dispatcher));
    }

    private async Task<string> CreateUserAsync(Role role)
    {
        var name = "user-" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var created = await users.CreateAsync(new ConsoleUser { UserName = name, Roles = [role] }, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(error => error.Description)));
        return name;
    }

    private async Task ChangeUserAsync(string name, Action<ConsoleUser> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var user = (await users.FindByNameAsync(name))!;
        change(user);
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }
}
