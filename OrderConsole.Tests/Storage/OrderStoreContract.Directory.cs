using OrderConsole.Core.Drivers;
using OrderConsole.Core.Events;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>What every adapter promises about the directory: unique supplier names and prefixes, and driver changes applied to the driver as stored.</summary>
public abstract partial class OrderStoreContract
{
    private static readonly Supplier s_palace = new("palace", "Pizza Palace", "PIZ", 40.7359, -73.9911)
    {
        PickupAddress = "1 Union Square W",
        Phone = "+1 555 0199",
        DefaultMarkupPercentage = 25m,
    };

    [Fact]
    public async Task A_saved_supplier_reads_back_with_every_detail_and_appends_supplier_updated()
    {
        var (store, feed) = CreateStore();

        await store.SaveSupplierAsync(s_palace, Tester);

        Assert.Equal(s_palace, Assert.Single(await store.ListSuppliersAsync()));
        var updated = Assert.Single(await ReadAllAsync(feed));
        Assert.Equal((OrderEventTypes.SupplierUpdated, s_palace, Tester), (updated.EventType, updated.Supplier, updated.Actor));
    }

    [Fact]
    public async Task A_supplier_named_like_another_in_other_letters_case_is_refused_and_nothing_changes()
    {
        var (store, feed) = CreateStore();
        await store.SaveSupplierAsync(s_palace, Tester);
        var position = await feed.GetLatestEventIdAsync();

        var refused = await Assert.ThrowsAsync<DirectoryConflictException>(
            () => store.SaveSupplierAsync(new Supplier("other", "pizza palace ", "OTH"), Tester));

        Assert.Equal("name", refused.Field);
        Assert.Equal(s_palace, Assert.Single(await store.ListSuppliersAsync()));
        Assert.Equal(position, await feed.GetLatestEventIdAsync());
    }

    [Fact]
    public async Task A_supplier_with_another_suppliers_tracking_prefix_is_refused()
    {
        var (store, _) = CreateStore();
        await store.SaveSupplierAsync(s_palace, Tester);

        var refused = await Assert.ThrowsAsync<DirectoryConflictException>(
            () => store.SaveSupplierAsync(new Supplier("other", "Other Pizza", "PIZ"), Tester));

        Assert.Equal("tracking_prefix", refused.Field);
        Assert.Single(await store.ListSuppliersAsync());
    }

    [Fact]
    public async Task A_renamed_supplier_frees_its_old_name_and_prefix_and_keeps_its_new_ones()
    {
        var (store, _) = CreateStore();
        await store.SaveSupplierAsync(s_palace, Tester);

        await store.SaveSupplierAsync(s_palace with { Name = "Palace of Pizza", TrackingPrefix = "POP" }, Tester);
        await store.SaveSupplierAsync(new Supplier("other", "Pizza Palace", "PIZ"), Tester);

        Assert.Equal(["Palace of Pizza", "Pizza Palace"], (await store.ListSuppliersAsync()).Select(supplier => supplier.Name));
        await Assert.ThrowsAsync<DirectoryConflictException>(() => store.SaveSupplierAsync(new Supplier("third", "PALACE OF PIZZA", "THI"), Tester));
    }

    [Fact]
    public async Task A_deactivated_supplier_reads_back_inactive()
    {
        var (store, _) = CreateStore();
        await store.SaveSupplierAsync(s_palace, Tester);

        await store.SaveSupplierAsync(s_palace with { Active = false }, Tester);

        Assert.False(Assert.Single(await store.ListSuppliersAsync()).Active);
    }

    [Fact]
    public async Task A_driver_change_keeps_the_position_reported_since_the_driver_was_read()
    {
        var (store, feed) = CreateStore();
        await store.SaveDriverAsync(Samples.Ana, Tester);
        await store.ReportDriverPositionAsync(Samples.Ana.Id, 40.7, -74.0, Samples.At, Tester);
        var position = await feed.GetLatestEventIdAsync();

        var changed = await store.ChangeDriverAsync(
            Samples.Ana.Id, new DriverChange { Profile = new DriverProfile("Ana María Lopez", "+1 555 0111", "van"), Status = DriverStatus.OnBreak }, Tester);

        var stored = await store.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal(changed, stored);
        Assert.Equal(("Ana María Lopez", "+1 555 0111", "van", DriverStatus.OnBreak, 40.7, -74.0), (stored!.Name, stored.Phone, stored.Vehicle, stored.Status, stored.Latitude, stored.Longitude));
        var updated = Assert.Single((await feed.ReadAfterAsync(position, 10, TimeSpan.Zero)).Events);
        Assert.Equal((OrderEventTypes.DriverUpdated, DriverStatus.OnBreak), (updated.EventType, updated.Driver?.Status));
    }

    [Fact]
    public async Task A_driver_on_a_delivery_keeps_their_status_and_cannot_be_deactivated()
    {
        var (store, _) = CreateStore();
        var busy = await store.SaveDriverAsync(Samples.Ana with { Status = DriverStatus.Busy, OrderId = Guid.NewGuid() }, Tester);

        var onBreak = await Assert.ThrowsAsync<DirectoryConflictException>(
            () => store.ChangeDriverAsync(busy.Id, new DriverChange { Status = DriverStatus.OnBreak }, Tester));
        var deactivated = await Assert.ThrowsAsync<DirectoryConflictException>(
            () => store.ChangeDriverAsync(busy.Id, new DriverChange { Profile = new DriverProfile(busy.Name, busy.Phone, "scooter", Active: false) }, Tester));

        Assert.Equal(("status", "active"), (onBreak.Field, deactivated.Field));
        Assert.Equal(busy, await store.GetDriverAsync(busy.Id));
    }

    [Fact]
    public async Task A_deactivated_driver_goes_offline_and_is_never_suggested()
    {
        var (store, _) = CreateStore();
        await store.SaveDriverAsync(Samples.Ana with { Latitude = 40.7128, Longitude = -74.0060 }, Tester);

        await store.ChangeDriverAsync(Samples.Ana.Id, new DriverChange { Profile = new DriverProfile("Ana Lopez", null, "scooter", Active: false) }, Tester);

        var stored = await store.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal((false, DriverStatus.Offline), (stored!.Active, stored.Status));
        Assert.Empty(await store.FindNearestAvailableDriversAsync(40.7128, -74.0060, 5));
        await Assert.ThrowsAsync<DirectoryConflictException>(
            () => store.ChangeDriverAsync(Samples.Ana.Id, new DriverChange { Status = DriverStatus.Available }, Tester));
    }

    [Fact]
    public async Task Changing_a_driver_that_does_not_exist_is_refused()
    {
        var (store, _) = CreateStore();

        await Assert.ThrowsAsync<OrderValidationException>(
            () => store.ChangeDriverAsync("nobody", new DriverChange { Status = DriverStatus.Available }, Tester));
    }
}
