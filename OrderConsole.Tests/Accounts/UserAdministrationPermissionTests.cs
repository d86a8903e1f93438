using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Accounts;

/// <summary>Only a current, enabled admin administers accounts, checked by the command itself; and no admin can lock themselves out.</summary>
public sealed class UserAdministrationPermissionTests(AccountsConsole console) : UserAdministrationSpec(console), IClassFixture<AccountsConsole>
{
    [Theory]
    [InlineData("supplier1")]
    [InlineData("customer")]
    [InlineData("dispatcher")]
    [InlineData("driver")]
    public async Task Someone_who_is_not_an_admin_may_not_create_users(string caller)
    {
        var name = NewName();

        await Assert.ThrowsAsync<AccountForbiddenException>(async () =>
            await Administration.CreateAsync(await PrincipalOfAsync(caller), new NewUser(name, Password, new UserAccess([Role.Admin]))));

        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_may_not_give_themselves_roles()
    {
        var dispatcher = await PrincipalOfAsync("dispatcher");
        var self = (await StoredAsync("dispatcher"))!;

        await Assert.ThrowsAsync<AccountForbiddenException>(() => Administration.ChangeAccessAsync(dispatcher, self.Id, new UserAccess([Role.Admin])));

        Assert.Equal([Role.Dispatcher], (await StoredAsync("dispatcher"))!.Roles);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_may_not_disable_a_user()
    {
        var created = await CreateUserAsync();

        await Assert.ThrowsAsync<AccountForbiddenException>(async () => await Administration.DisableAsync(await PrincipalOfAsync("supplier1"), created.Id));

        Assert.False((await StoredAsync(created.UserName))!.IsDisabled);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_may_not_reset_a_password()
    {
        var created = await CreateUserAsync();

        await Assert.ThrowsAsync<AccountForbiddenException>(async () =>
            await Administration.ResetPasswordAsync(await PrincipalOfAsync("customer"), created.Id, "taken-over-password"));

        Assert.True(await CanSignInAsync(created.UserName, Password));
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_may_not_list_users()
    {
        await Assert.ThrowsAsync<AccountForbiddenException>(async () => await Administration.ListAsync(await PrincipalOfAsync("driver")));
    }

    [Fact]
    public async Task An_admin_whose_admin_role_was_removed_is_refused_despite_their_earlier_sign_in()
    {
        var formerAdmin = await CreateUserAsync(Role.Admin);
        var staleSignIn = await PrincipalOfAsync(formerAdmin.UserName);
        await Administration.ChangeAccessAsync(Admin, formerAdmin.Id, new UserAccess([Role.Dispatcher]));
        var name = NewName();

        await Assert.ThrowsAsync<AccountForbiddenException>(() =>
            Administration.CreateAsync(staleSignIn, new NewUser(name, Password, new UserAccess([Role.Admin]))));

        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task An_admin_cannot_disable_themselves()
    {
        var self = (await StoredAsync("admin"))!;

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() => Administration.DisableAsync(Admin, self.Id));

        Assert.Equal("You cannot disable yourself; another admin can.", refused.Message);
        Assert.False((await StoredAsync("admin"))!.IsDisabled);
    }

    [Fact]
    public async Task An_admin_cannot_remove_their_own_admin_role()
    {
        var self = (await StoredAsync("admin"))!;

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() => Administration.ChangeAccessAsync(Admin, self.Id, new UserAccess([Role.Dispatcher])));

        Assert.Equal("roles", refused.Field);
        Assert.Equal([Role.Admin], (await StoredAsync("admin"))!.Roles);
    }

    [Fact]
    public async Task An_admin_may_disable_another_admin()
    {
        var other = await CreateUserAsync(Role.Admin);

        await Administration.DisableAsync(Admin, other.Id);

        Assert.True((await StoredAsync(other.UserName))!.IsDisabled);
    }
}
