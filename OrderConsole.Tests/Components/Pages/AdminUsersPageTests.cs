using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OrderConsole.Components.Layout;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The admin's users page in bUnit: creating users, every refusal beside its field, roles, disabling and lock-outs.</summary>
public sealed class AdminUsersPageTests : AccountsTestContext
{
    [Fact]
    public async Task Creating_a_dispatcher_lists_them_and_they_are_stored_with_that_role()
    {
        var page = Render<AdminUsers>();

        page.Type("User name", "dora");
        page.Type("Initial password", Password);
        page.Field("dispatcher").Change(true);
        await page.ClickAsync("Create user");

        Assert.Contains("dispatcher", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal);
        Assert.Equal([Role.Dispatcher], (await StoredAsync("dora"))!.Roles);
    }

    [Fact]
    public async Task After_a_user_is_created_the_form_is_empty_for_the_next_one()
    {
        var page = Render<AdminUsers>();

        page.Type("User name", "dora");
        page.Type("Initial password", Password);
        page.Field("dispatcher").Change(true);
        await page.ClickAsync("Create user");

        Assert.Equal(string.Empty, page.Field("User name").GetAttribute("value") ?? string.Empty);
        Assert.False(page.Field("dispatcher").HasAttribute("checked"));
    }

    [Fact]
    public async Task A_user_without_a_name_is_refused_beside_the_name_field_and_nothing_is_created()
    {
        var page = Render<AdminUsers>();

        page.Type("Initial password", Password);
        page.Field("dispatcher").Change(true);
        await page.ClickAsync("Create user");

        Assert.Equal("User name is required", page.ErrorOf("User name"));
        Assert.Equal(["admin"], await UserNamesAsync());
    }

    [Fact]
    public async Task A_short_password_is_refused_beside_the_password_field()
    {
        var page = Render<AdminUsers>();

        page.Type("User name", "dora");
        page.Type("Initial password", "short");
        page.Field("dispatcher").Change(true);
        await page.ClickAsync("Create user");

        Assert.Contains("at least 8 characters", page.ErrorOf("Initial password"), StringComparison.Ordinal);
        Assert.Null(await StoredAsync("dora"));
    }

    [Fact]
    public async Task A_user_without_a_role_is_refused_beside_the_roles()
    {
        var page = Render<AdminUsers>();

        page.Type("User name", "dora");
        page.Type("Initial password", Password);
        await page.ClickAsync("Create user");

        Assert.Equal("Choose at least one role", RolesError(page, "new"));
        Assert.Null(await StoredAsync("dora"));
    }

    [Fact]
    public async Task A_supplier_user_without_a_supplier_is_refused_beside_the_supplier_field()
    {
        var page = Render<AdminUsers>();

        page.Type("User name", "luigi");
        page.Type("Initial password", Password);
        page.Field("supplier").Change(true);
        await page.ClickAsync("Create user");

        Assert.Equal("A supplier user needs a supplier: choose one", page.ErrorOf("Bound to supplier"));
        Assert.Null(await StoredAsync("luigi"));
    }

    [Fact]
    public async Task A_supplier_user_is_bound_to_the_supplier_chosen_and_the_list_names_it()
    {
        var page = Render<AdminUsers>();

        page.Type("User name", "luigi");
        page.Type("Initial password", Password);
        page.Field("supplier").Change(true);
        page.Field("Bound to supplier").Change("luigis");
        await page.ClickAsync("Create user");

        Assert.Contains("Luigi's", Assert.Single(page.RowsWith("luigi")).Text(), StringComparison.Ordinal);
        Assert.Equal("luigis", (await StoredAsync("luigi"))!.SupplierId);
    }

    [Fact]
    public async Task Giving_a_user_another_role_saves_it()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var page = Render<AdminUsers>();

        await page.ClickAsync("Manage dora");
        EditForm(page, "edit-role-customer").Change(true);
        await page.ClickAsync("Save roles");

        Assert.Equal([Role.Customer, Role.Dispatcher], (await StoredAsync("dora"))!.Roles.Order());
        Assert.Contains("customer, dispatcher", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_cannot_take_away_their_own_admin_role_and_is_told_beside_the_roles()
    {
        var page = Render<AdminUsers>();

        await page.ClickAsync("Manage admin");
        EditForm(page, "edit-role-admin").Change(false);
        EditForm(page, "edit-role-dispatcher").Change(true);
        await page.ClickAsync("Save roles");

        Assert.Equal("You cannot remove your own admin role; another admin can.", RolesError(page, "edit"));
        Assert.Equal([Role.Admin], (await StoredAsync("admin"))!.Roles);
    }

    [Fact]
    public async Task An_admin_managing_themselves_is_offered_no_way_to_disable_themselves()
    {
        var page = Render<AdminUsers>();

        await page.ClickAsync("Manage admin");

        Assert.False(page.HasButton("Disable user"));
        Assert.Contains("This is you", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_a_user_asks_first_then_the_list_says_disabled()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminUsers>();

        await page.ClickAsync("Manage dora");
        await page.ConfirmAsync(dialogs, "Disable user", "Yes, disable", question: "Disable dora?");

        page.WaitForAssertion(() => Assert.Contains("disabled", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal));
        Assert.True((await StoredAsync("dora"))!.IsDisabled);
    }

    [Fact]
    public async Task Keeping_a_user_when_asked_leaves_them_enabled()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminUsers>();

        await page.ClickAsync("Manage dora");
        await page.ConfirmAsync(dialogs, "Disable user", "Keep it", question: "Disable dora?");

        Assert.False((await StoredAsync("dora"))!.IsDisabled);
        Assert.Contains("active", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_out_user_shows_until_when_on_the_viewers_clock_and_can_be_unlocked()
    {
        var dora = await CreateUserAsync("dora", Role.Dispatcher);
        await LockOutAsync(dora, until: Start.AddMinutes(5));
        var viewer = new ViewerTime(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

        var page = RenderFor(viewer);

        // 12:05 UTC on 1 March is 13:05 in Rome.
        Assert.Contains("locked until 13:05", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal);
        await page.ClickAsync("Manage dora");
        await page.ClickAsync("Unlock user");
        Assert.Contains("active", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal);
        Assert.Null((await StoredAsync("dora"))!.LockoutEnd);
    }

    [Fact]
    public async Task Before_the_browser_has_told_its_time_zone_a_lock_out_reads_in_UTC_and_says_so()
    {
        var dora = await CreateUserAsync("dora", Role.Dispatcher);
        await LockOutAsync(dora, until: Start.AddMinutes(5));

        var page = Render<AdminUsers>();

        Assert.Contains("locked until 12:05 UTC", Assert.Single(page.RowsWith("dora")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resetting_a_password_after_confirming_makes_the_new_one_work()
    {
        await CreateUserAsync("dora", Role.Dispatcher);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminUsers>();

        await page.ClickAsync("Manage dora");
        page.Type("New password", "another-long-password");
        await page.ConfirmAsync(dialogs, "Reset password", "Yes, reset", question: "Set a new password for dora?");

        var users = Services.GetRequiredService<UserManager<ConsoleUser>>();
        Assert.True(await users.CheckPasswordAsync((await StoredAsync("dora"))!, "another-long-password"));
    }

    private IRenderedComponent<AdminUsers> RenderFor(ViewerTime viewer) =>
        Render<CascadingValue<ViewerTime>>(parameters => parameters
                .Add(cascade => cascade.Value, viewer)
                .AddChildContent<AdminUsers>())
            .FindComponent<AdminUsers>();

    private async Task LockOutAsync(ConsoleUser user, DateTimeOffset until)
    {
        var users = Services.GetRequiredService<UserManager<ConsoleUser>>();
        var result = await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, until);
        Assert.True(result.Succeeded);
    }

    private async Task<string[]> UserNamesAsync() =>
        [.. (await Services.GetRequiredService<IUserAccounts>().ListAsync()).Select(user => user.UserName).Order()];

    /// <summary>The checkbox with this id (role names appear in both the new-user and the edit form).</summary>
    private static AngleSharp.Dom.IElement EditForm(IRenderedComponent<AdminUsers> page, string id) => page.Find($"#{id}");

    private static string? RolesError(IRenderedComponent<AdminUsers> page, string form) =>
        page.FindAll($"[id='{form}-roles-error']").SingleOrDefault()?.TextContent.Trim();
}
