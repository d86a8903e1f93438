using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;

namespace OrderConsole.Tests.Storage;

/// <summary>What every adapter's user accounts promise; an adapter subclasses this with a fresh, empty store.</summary>
public abstract class UserAccountsContract
{
    protected abstract IUserAccounts CreateAccounts();

    [Fact]
    public async Task A_created_user_is_found_by_id_and_by_normalized_name()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier, supplierId: "luigis");

        Assert.True(await users.CreateAsync(sam));

        var byId = await users.FindByIdAsync(sam.Id);
        var byName = await users.FindByNameAsync("SAM");
        Assert.Equal(("sam", "luigis", Role.Supplier), (byId!.UserName, byId.SupplierId, byId.Roles.Single()));
        Assert.Equal(sam.Id, byName!.Id);
    }

    [Fact]
    public async Task A_user_name_that_is_taken_cannot_be_created_again()
    {
        var users = CreateAccounts();
        await users.CreateAsync(NewUser("sam", Role.Supplier));

        Assert.False(await users.CreateAsync(NewUser("sam", Role.Admin)));
        Assert.Single(await users.ListAsync());
    }

    [Fact]
    public async Task A_save_with_the_current_concurrency_stamp_is_stored()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);

        var expected = sam.ConcurrencyStamp;
        sam.Roles.Add(Role.Dispatcher);
        sam.ConcurrencyStamp = Guid.NewGuid().ToString("N");

        Assert.True(await users.UpdateAsync(sam, expected));
        Assert.Equal([Role.Supplier, Role.Dispatcher], (await users.FindByIdAsync(sam.Id))!.Roles);
    }

    [Fact]
    public async Task A_save_with_a_stale_concurrency_stamp_is_refused_and_changes_nothing()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);

        sam.IsDisabled = true;
        Assert.False(await users.UpdateAsync(sam, expectedConcurrencyStamp: "stale"));
        Assert.False((await users.FindByIdAsync(sam.Id))!.IsDisabled);
    }

    [Fact]
    public async Task A_disabled_user_is_stored_with_a_lockout_that_never_ends()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);

        var expected = sam.ConcurrencyStamp;
        (sam.IsDisabled, sam.LockoutEnd, sam.ConcurrencyStamp) = (true, DateTimeOffset.MaxValue, Guid.NewGuid().ToString("N"));
        Assert.True(await users.UpdateAsync(sam, expected));

        var read = (await users.FindByIdAsync(sam.Id))!;
        Assert.Equal((true, DateTimeOffset.MaxValue), (read.IsDisabled, read.LockoutEnd));
    }

    [Fact]
    public async Task Renaming_a_user_moves_the_name_and_frees_the_old_one()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);

        var expected = sam.ConcurrencyStamp;
        (sam.UserName, sam.NormalizedUserName, sam.ConcurrencyStamp) = ("samuel", "SAMUEL", Guid.NewGuid().ToString("N"));
        Assert.True(await users.UpdateAsync(sam, expected));

        Assert.Null(await users.FindByNameAsync("SAM"));
        Assert.Equal(sam.Id, (await users.FindByNameAsync("SAMUEL"))!.Id);
        Assert.True(await users.CreateAsync(NewUser("sam", Role.Customer)));
    }

    [Fact]
    public async Task Renaming_a_user_to_a_name_that_is_taken_is_refused()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);
        await users.CreateAsync(NewUser("nina", Role.Supplier));

        var expected = sam.ConcurrencyStamp;
        (sam.UserName, sam.NormalizedUserName, sam.ConcurrencyStamp) = ("nina", "NINA", Guid.NewGuid().ToString("N"));

        Assert.False(await users.UpdateAsync(sam, expected));
        Assert.Equal("sam", (await users.FindByIdAsync(sam.Id))!.UserName);
    }

    [Fact]
    public async Task A_deleted_user_is_found_neither_by_id_nor_by_name()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);

        await users.DeleteAsync(sam.Id);

        Assert.Null(await users.FindByIdAsync(sam.Id));
        Assert.Null(await users.FindByNameAsync("SAM"));
        Assert.Empty(await users.ListAsync());
    }

    [Fact]
    public async Task Users_are_listed_by_user_name()
    {
        var users = CreateAccounts();
        await users.CreateAsync(NewUser("zoe", Role.Driver));
        await users.CreateAsync(NewUser("adam", Role.Admin));

        Assert.Equal(["adam", "zoe"], (await users.ListAsync()).Select(user => user.UserName));
    }

    [Fact]
    public async Task A_user_handed_out_is_a_copy_the_store_does_not_share()
    {
        var users = CreateAccounts();
        var sam = NewUser("sam", Role.Supplier);
        await users.CreateAsync(sam);

        var read = await users.FindByIdAsync(sam.Id);
        read!.Roles.Add(Role.Admin);
        sam.Roles.Add(Role.Admin);

        Assert.Equal([Role.Supplier], (await users.FindByIdAsync(sam.Id))!.Roles);
    }

    private static ConsoleUser NewUser(string name, Role role, string? supplierId = null) => new()
    {
        UserName = name,
        NormalizedUserName = name.ToUpperInvariant(),
        Roles = [role],
        SupplierId = supplierId,
    };
}
