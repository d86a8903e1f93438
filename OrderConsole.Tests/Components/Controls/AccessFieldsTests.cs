using Bunit;
using OrderConsole.Accounts;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Components.Pages;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Controls;

/// <summary>The roles-and-binding fields in bUnit: ticking roles, choosing the supplier or driver, and messages beside the fields.</summary>
public sealed class AccessFieldsTests : ConsoleTestContext
{
    private readonly AccessDraft _draft = new();
    private readonly FieldErrors _errors = new();

    [Fact]
    public void Ticking_roles_puts_them_in_the_access_sent()
    {
        var fields = RenderFields();

        fields.Field("dispatcher").Change(true);
        fields.Field("customer").Change(true);

        Assert.Equal([Role.Customer, Role.Dispatcher], _draft.ToAccess().Roles.Order());
    }

    [Fact]
    public void Unticking_a_role_takes_it_out_again()
    {
        var fields = RenderFields();

        fields.Field("dispatcher").Change(true);
        fields.Field("dispatcher").Change(false);

        Assert.Empty(_draft.ToAccess().Roles);
    }

    [Fact]
    public void There_is_no_supplier_to_choose_until_the_supplier_role_is_ticked()
    {
        var fields = RenderFields();
        Assert.DoesNotContain(fields.FindAll("label"), label => label.TextContent.Trim() == "Bound to supplier");

        fields.Field("supplier").Change(true);

        Assert.Equal(["Choose a supplier", "Luigi's Pizzeria", "Napoli Express"], Options(fields, "Bound to supplier"));
    }

    [Fact]
    public void Choosing_a_supplier_binds_the_supplier_user_to_it()
    {
        var fields = RenderFields();

        fields.Field("supplier").Change(true);
        fields.Field("Bound to supplier").Change("napoli");

        Assert.Equal(new UserAccess([Role.Supplier], "napoli", null), _draft.ToAccess(), AccessComparer.Instance);
    }

    [Fact]
    public void Choosing_a_driver_binds_the_driver_user_to_them()
    {
        var fields = RenderFields();

        fields.Field("driver").Change(true);
        fields.Field("Bound to driver").Change("drv-ben");

        Assert.Equal("drv-ben", _draft.ToAccess().DriverId);
    }

    [Fact]
    public void Unticking_the_supplier_role_hides_the_picker_and_leaves_no_stale_binding()
    {
        var fields = RenderFields();
        fields.Field("supplier").Change(true);
        fields.Field("Bound to supplier").Change("luigis");

        fields.Field("supplier").Change(false);

        Assert.Empty(fields.FindAll("select"));
        Assert.Null(_draft.ToAccess().SupplierId);
    }

    [Fact]
    public void An_existing_users_roles_and_binding_show_ticked_and_chosen()
    {
        var draft = AccessDraft.From(new AccountSummary("u1", "luigi", [Role.Dispatcher, Role.Supplier], "luigis", null, false, null));

        var fields = RenderFields(draft);

        Assert.True(fields.Field("supplier").HasAttribute("checked"));
        Assert.True(fields.Field("dispatcher").HasAttribute("checked"));
        Assert.False(fields.Field("admin").HasAttribute("checked"));
        Assert.Equal("luigis", fields.Field("Bound to supplier").GetAttribute("value"));
    }

    [Fact]
    public void A_message_about_the_roles_shows_beside_the_roles_and_the_group_points_at_it()
    {
        _errors.Set("roles", "Choose at least one role");

        var fields = RenderFields();

        var group = fields.Find("fieldset");
        Assert.Equal("Choose at least one role", fields.Find($"[id='{group.GetAttribute("aria-describedby")}']").TextContent.Trim());
    }

    [Fact]
    public void A_message_about_the_driver_shows_beside_the_driver_field()
    {
        _errors.Set("driver_id", "A driver user needs a driver: choose one");
        var fields = RenderFields();

        fields.Field("driver").Change(true);

        Assert.Equal("A driver user needs a driver: choose one", fields.ErrorOf("Bound to driver"));
    }

    [Fact]
    public void Two_forms_on_one_page_have_ids_of_their_own()
    {
        var fields = RenderFields(prefix: "edit");

        Assert.Equal("edit-role-admin", fields.Field("admin").Id);
    }

    private IRenderedComponent<AccessFields> RenderFields(AccessDraft? draft = null, string prefix = "new") =>
        Render<AccessFields>(parameters => parameters
            .Add(field => field.IdPrefix, prefix)
            .Add(field => field.Draft, draft ?? _draft)
            .Add(field => field.Errors, _errors)
            .Add(field => field.Suppliers, [Samples.Luigis, Samples.Napoli])
            .Add(field => field.Drivers, [Samples.Ana, Samples.Ben]));

    private static string[] Options(IRenderedComponent<AccessFields> fields, string label) =>
        [.. fields.Field(label).QuerySelectorAll("option").Select(option => option.TextContent.Trim())];

    /// <summary>Compares two accesses by their contents (the record holds a collection, compared by reference).</summary>
    private sealed class AccessComparer : IEqualityComparer<UserAccess>
    {
        public static AccessComparer Instance { get; } = new();

        public bool Equals(UserAccess? x, UserAccess? y) =>
            x is not null && y is not null && x.Roles.Order().SequenceEqual(y.Roles.Order()) && x.SupplierId == y.SupplierId && x.DriverId == y.DriverId;

        public int GetHashCode(UserAccess obj) => 0;
    }
}
