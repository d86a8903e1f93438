using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Accounts;

/// <summary>Disabling, enabling, password resets and role changes: who can sign in afterwards, and which cookies keep working.</summary>
public sealed class UserAdministrationSessionTests(AccountsConsole console) : UserAdministrationSpec(console), IClassFixture<AccountsConsole>
{
    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var created = await CreateUserAsync();

        await Administration.DisableAsync(Admin, created.Id);

        Assert.False(await CanSignInAsync(created.UserName, Password));
    }

    [Fact]
    public async Task A_disabled_users_existing_cookie_is_rejected()
    {
        var created = await CreateUserAsync();
        using var client = await SignedInClient.AsAsync(Console, created.UserName, Password);

        await Administration.DisableAsync(Admin, created.Id);

        Assert.False(await CookieStillWorksAsync(client));
    }

    [Fact]
    public async Task A_cookie_whose_user_nobody_changed_keeps_working_past_the_check()
    {
        var created = await CreateUserAsync();
        using var client = await SignedInClient.AsAsync(Console, created.UserName, Password);

        Assert.True(await CookieStillWorksAsync(client));
    }

    [Fact]
    public async Task A_disabled_user_enabled_again_signs_in()
    {
        var created = await CreateUserAsync();
        await Administration.DisableAsync(Admin, created.Id);

        await Administration.EnableAsync(Admin, created.Id);

        Assert.True(await CanSignInAsync(created.UserName, Password));
    }

    [Fact]
    public async Task Enabling_a_user_locked_out_by_wrong_passwords_lets_them_sign_in_at_once()
    {
        var created = await CreateUserAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await CanSignInAsync(created.UserName, "wrong-password");
        }

        await Administration.EnableAsync(Admin, created.Id);

        Assert.True(await CanSignInAsync(created.UserName, Password));
    }

    [Fact]
    public async Task A_password_reset_makes_the_old_password_fail_and_the_new_one_work()
    {
        var created = await CreateUserAsync();

        await Administration.ResetPasswordAsync(Admin, created.Id, "a-brand-new-password");

        Assert.Equal((false, true), (await CanSignInAsync(created.UserName, Password), await CanSignInAsync(created.UserName, "a-brand-new-password")));
    }

    [Fact]
    public async Task A_password_reset_ends_the_users_existing_sessions()
    {
        var created = await CreateUserAsync();
        using var client = await SignedInClient.AsAsync(Console, created.UserName, Password);

        await Administration.ResetPasswordAsync(Admin, created.Id, "a-brand-new-password");

        Assert.False(await CookieStillWorksAsync(client));
    }

    [Fact]
    public async Task A_too_short_new_password_is_refused_at_the_password_and_the_old_one_still_works()
    {
        var created = await CreateUserAsync();

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() => Administration.ResetPasswordAsync(Admin, created.Id, "short"));

        Assert.Equal("password", refused.Field);
        Assert.True(await CanSignInAsync(created.UserName, Password));
    }

    [Fact]
    public async Task Changing_roles_replaces_them_and_drops_a_binding_that_no_longer_applies()
    {
        var created = await CreateUserAsync(Role.Supplier, supplierId: "luigis");

        await Administration.ChangeAccessAsync(Admin, created.Id, new UserAccess([Role.Dispatcher, Role.Driver], SupplierId: "luigis", DriverId: "drv-chen"));

        var stored = (await StoredAsync(created.UserName))!;
        Assert.Equal([Role.Dispatcher, Role.Driver], stored.Roles);
        Assert.Equal((null, "drv-chen"), (stored.SupplierId, stored.DriverId));
    }

    [Fact]
    public async Task Changing_roles_ends_the_users_existing_sessions()
    {
        var created = await CreateUserAsync(Role.Dispatcher);
        using var client = await SignedInClient.AsAsync(Console, created.UserName, Password);

        await Administration.ChangeAccessAsync(Admin, created.Id, new UserAccess([Role.Dispatcher, Role.Customer]));

        Assert.False(await CookieStillWorksAsync(client));
    }

    [Fact]
    public async Task Changing_a_driver_user_to_a_driver_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var created = await CreateUserAsync(Role.Driver, driverId: "drv-ana");

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.ChangeAccessAsync(Admin, created.Id, new UserAccess([Role.Driver], DriverId: "drv-nobody")));

        Assert.Equal("driver_id", refused.Field);
        Assert.Equal("drv-ana", (await StoredAsync(created.UserName))!.DriverId);
    }
}
