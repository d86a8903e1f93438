using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Suppliers;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The admin's Suppliers page in bUnit: create, refusals beside their fields, proof of delivery and auto-dispatch, deactivation after a confirmation, and changes made elsewhere shown live.</summary>
public sealed class AdminSuppliersPageTests : ConsoleTestContext
{
    [Fact]
    public async Task An_admin_creates_a_supplier_with_its_pickup_location_and_it_is_listed()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        page.Type("Name", "Pizza Palace");
        page.Type("Tracking prefix", "piz");
        page.Type("Pickup address", "123 Main Street");
        page.Type("Pickup latitude", "40.7128");
        page.Type("Pickup longitude", "-74.0060");
        page.Type("Phone", "+1 555 0100");
        page.Type("Default markup (%)", "30");
        await page.ClickAsync("Create supplier");

        await Eventually.HoldsAsync(() => Live.Suppliers().Any(supplier => supplier.Name == "Pizza Palace"), "the read model has the new supplier");
        var stored = (await Store.ListSuppliersAsync()).Single(supplier => supplier.Name == "Pizza Palace");
        Assert.Equal(("PIZ", 40.7128, -74.0060, 30m), (stored.TrackingPrefix, stored.Latitude!.Value, stored.Longitude!.Value, stored.DefaultMarkupPercentage!.Value));
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Pizza Palace")));
    }

    [Fact]
    public async Task A_name_another_supplier_has_is_refused_beside_the_name_field()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        page.Type("Name", "luigi's pizzeria");
        page.Type("Tracking prefix", "LUX");
        await page.ClickAsync("Create supplier");

        Assert.Contains("already exists", page.ErrorOf("Name"), StringComparison.Ordinal);
        Assert.Equal(2, (await Store.ListSuppliersAsync()).Count);
    }

    [Fact]
    public async Task A_latitude_that_is_not_a_number_is_an_error_beside_its_field_and_nothing_is_saved()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        page.Type("Name", "Pizza Palace");
        page.Type("Tracking prefix", "PIZ");
        page.Type("Pickup latitude", "north");
        page.Type("Pickup longitude", "-74.0060");
        await page.ClickAsync("Create supplier");

        Assert.Equal("Enter the latitude as a number, like 40.7128", page.ErrorOf("Pickup latitude"));
        Assert.Equal(2, (await Store.ListSuppliersAsync()).Count);
    }

    [Fact]
    public async Task Deactivating_a_supplier_asks_first_and_then_shows_it_deactivated()
    {
        SignIn("boss", Role.Admin);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminSuppliers>();

        // The click's handler waits for the answer to its question, so it finishes only once the dialog is answered.
        var deactivating = page.ClickAsync("Deactivate Napoli Express");
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Yes, deactivate")));
        Assert.True((await Store.ListSuppliersAsync()).Single(supplier => supplier.Id == "napoli").Active);
        await dialogs.ClickAsync("Yes, deactivate");
        await deactivating;

        await Eventually.HoldsAsync(() => Live.Suppliers().Single(supplier => supplier.Id == "napoli") is { Active: false }, "Napoli is deactivated");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.True(page.HasButton("Activate Napoli Express")));
    }

    [Fact]
    public async Task Editing_a_supplier_saves_its_new_details()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        await page.ClickAsync("Edit Luigi's Pizzeria");
        page.Type("Phone", "+1 555 0142");
        await page.ClickAsync("Save supplier");

        await Eventually.HoldsAsync(
            async () => (await Store.ListSuppliersAsync()).Single(supplier => supplier.Id == "luigis") is { Phone: "+1 555 0142", TrackingPrefix: "LUI" },
            "Luigi's has its new phone number");
    }

    [Fact]
    public async Task Ticking_photo_and_signature_and_saving_stores_those_proof_requirements()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        await page.ClickAsync("Edit Luigi's Pizzeria");
        page.Tick("Photo", ticked: true);
        page.Tick("Signature", ticked: true);
        await page.ClickAsync("Save supplier");

        await Eventually.HoldsAsync(
            async () => (await Store.ListSuppliersAsync()).Single(supplier => supplier.Id == "luigis").ProofRequired == new ProofRequirements(Photo: true, Signature: true),
            "Luigi's asks for a photo and a signature");
    }

    [Fact]
    public async Task The_list_says_in_words_which_proof_each_supplier_asks_for()
    {
        SignIn("boss", Role.Admin);
        await Suppliers.SetProofRequirementsAsync(Marketplace.Admin, "luigis", new ProofRequirements(Photo: true, Signature: true));
        await Eventually.HoldsAsync(() => Live.Suppliers().Single(supplier => supplier.Id == "luigis").ProofRequired is { Photo: true }, "the read model has Luigi's proof");

        var page = Render<AdminSuppliers>();

        Assert.Contains("Proof: photo and signature", Assert.Single(page.RowsWith("Luigi's Pizzeria")).Text(), StringComparison.Ordinal);
        Assert.Contains("No proof required", Assert.Single(page.RowsWith("Napoli Express")).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_suppliers_phone_keeps_the_proof_it_asks_for()
    {
        await Suppliers.SetProofRequirementsAsync(Marketplace.Admin, "luigis", new ProofRequirements(ReceiverName: true));
        await Suppliers.UpdateAsync(Marketplace.Admin, "luigis", new SupplierDetails("Luigi's Pizzeria", "LUI", null, null, null, "+1 555 0142", null));

        Assert.Equal(new ProofRequirements(ReceiverName: true), (await Store.ListSuppliersAsync()).Single(supplier => supplier.Id == "luigis").ProofRequired);
    }

    [Fact]
    public async Task Turning_a_suppliers_auto_dispatch_off_and_saving_stores_it_off()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        await page.ClickAsync("Edit Luigi's Pizzeria");
        page.Tick("Auto-dispatch ready orders", ticked: false);
        await page.ClickAsync("Save supplier");

        await Eventually.HoldsAsync(
            async () => (await Store.ListSuppliersAsync()).Single(supplier => supplier.Id == "luigis") is { AutoDispatch: false },
            "Luigi's is no longer auto-dispatched");
    }

    [Fact]
    public async Task A_supplier_added_in_another_console_appears_live()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminSuppliers>();

        await Store.SaveSupplierAsync(new Core.Orders.Supplier("crust", "Crust & Co", "CRU"), "another-admin");

        await Eventually.HoldsAsync(() => Live.Suppliers().Count == 3, "the read model has the new supplier");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Crust & Co")));
    }

    private SupplierDirectory Suppliers => Services.GetRequiredService<SupplierDirectory>();
}
