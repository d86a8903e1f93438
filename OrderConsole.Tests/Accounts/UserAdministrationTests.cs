using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Accounts;

/// <summary>An admin creates users through Identity: a valid user can sign in; bad input is refused at its field and creates nothing.</summary>
public sealed class UserAdministrationTests(AccountsConsole console) : UserAdministrationSpec(console), IClassFixture<AccountsConsole>
{
    [Fact]
    public async Task An_admin_creates_a_user_who_signs_in_with_the_initial_password()
    {
        var created = await CreateUserAsync(Role.Dispatcher);

        Assert.True(await CanSignInAsync(created.UserName, Password));
    }

    [Fact]
    public async Task A_created_supplier_user_works_for_the_chosen_supplier()
    {
        var created = await CreateUserAsync(Role.Supplier, supplierId: "napoli");

        var principal = await PrincipalOfAsync(created.UserName);

        Assert.Equal(new Actor(created.UserName, Role.Supplier, SupplierId: "napoli"), principal.At(Role.Supplier));
    }

    [Fact]
    public async Task A_created_driver_user_is_the_chosen_driver()
    {
        var created = await CreateUserAsync(Role.Driver, driverId: "drv-ben");

        var principal = await PrincipalOfAsync(created.UserName);

        Assert.Equal(new Actor(created.UserName, Role.Driver, DriverId: "drv-ben"), principal.At(Role.Driver));
    }

    [Fact]
    public async Task A_user_with_several_roles_has_each_of_them()
    {
        var name = NewName();

        await Administration.CreateAsync(Admin, new NewUser(name, Password, new UserAccess([Role.Dispatcher, Role.Customer])));

        Assert.Equal([Role.Customer, Role.Dispatcher], (await StoredAsync(name))!.Roles.Order());
    }

    [Fact]
    public async Task A_supplier_user_without_a_supplier_is_refused_at_the_supplier_and_not_created()
    {
        var name = NewName();

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser(name, Password, new UserAccess([Role.Supplier]))));

        Assert.Equal("supplier_id", refused.Field);
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task A_supplier_that_does_not_exist_is_refused_at_the_supplier()
    {
        var name = NewName();

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser(name, Password, new UserAccess([Role.Supplier], SupplierId: "no-such-supplier"))));

        Assert.Equal(("supplier_id", "There is no supplier \"no-such-supplier\""), (refused.Field, refused.Message));
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task A_driver_user_without_a_driver_is_refused_at_the_driver_and_not_created()
    {
        var name = NewName();

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser(name, Password, new UserAccess([Role.Driver]))));

        Assert.Equal("driver_id", refused.Field);
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task A_too_short_password_is_refused_at_the_password_and_creates_nothing()
    {
        var name = NewName();

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser(name, "short", new UserAccess([Role.Dispatcher]))));

        Assert.Equal("password", refused.Field);
        Assert.Contains("at least 8 characters", refused.Message, StringComparison.Ordinal);
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task A_user_name_that_is_taken_is_refused_at_the_user_name()
    {
        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser("dispatcher", Password, new UserAccess([Role.Admin]))));

        Assert.Equal("user_name", refused.Field);
        Assert.Equal([Role.Dispatcher], (await StoredAsync("dispatcher"))!.Roles);
    }

    [Fact]
    public async Task A_user_without_a_user_name_is_refused_at_the_user_name()
    {
        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser("  ", Password, new UserAccess([Role.Dispatcher]))));

        Assert.Equal(("user_name", "User name is required"), (refused.Field, refused.Message));
    }

    [Fact]
    public async Task A_user_without_a_role_is_refused_at_the_roles_and_not_created()
    {
        var name = NewName();

        var refused = await Assert.ThrowsAsync<AccountChangeException>(() =>
            Administration.CreateAsync(Admin, new NewUser(name, Password, new UserAccess([]))));

        Assert.Equal("roles", refused.Field);
        Assert.Null(await StoredAsync(name));
    }

    [Fact]
    public async Task The_list_shows_each_users_roles_binding_and_state()
    {
        var created = await CreateUserAsync(Role.Supplier, supplierId: "luigis");
        await Administration.DisableAsync(Admin, created.Id);

        var listed = (await Administration.ListAsync(Admin)).Single(user => user.Id == created.Id);

        Assert.Equal([Role.Supplier], listed.Roles);
        Assert.Equal(("luigis", true), (listed.SupplierId, listed.IsDisabled));
    }

    [Fact]
    public async Task Wrong_passwords_from_outside_do_not_lock_the_account()
    {
        var created = await CreateUserAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await CanSignInAsync(created.UserName, "wrong-password");
        }

        var listed = (await Administration.ListAsync(Admin)).Single(user => user.Id == created.Id);

        // Anyone can type wrong passwords; the sign-in limits slow them down, the account itself stays open.
        Assert.Equal((false, false), (listed.IsDisabled, listed.LockedUntil is not null));
    }

    [Fact]
    public async Task A_user_an_admin_locked_until_later_is_listed_as_locked()
    {
        var created = await CreateUserAsync();
        await using (var scope = Console.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(created.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var listed = (await Administration.ListAsync(Admin)).Single(user => user.Id == created.Id);

        Assert.Equal((false, true), (listed.IsDisabled, listed.LockedUntil is not null));
    }
}
