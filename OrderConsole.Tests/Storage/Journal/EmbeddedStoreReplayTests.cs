using OrderConsole.Core.Demo;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Journal;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>An embedded store closed and opened again on its data folder holds what it held: the journal replays every write.</summary>
public sealed class EmbeddedStoreReplayTests : IDisposable
{
    private readonly JournalFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(JournalFsync.EverySec)]
    [InlineData(JournalFsync.Always)]
    [InlineData(JournalFsync.No)]
    public async Task A_reopened_store_has_the_same_orders_histories_suppliers_drivers_users_keys_and_feed(JournalFsync fsync)
    {
        string before;
        using (var store = _folder.Open(fsync))
        {
            await DemoData.SeedIfEmptyAsync(store.Orders, new OrderService(store.Orders, _folder.Clock));
            await store.Accounts.CreateAsync(new ConsoleUser { UserName = "boss", NormalizedUserName = "BOSS", PasswordHash = "hash", Roles = [Role.Admin] });
            await store.Accounts.StoreAsync("key-1", "<key id=\"1\" />");
            before = await StoreState.OfAsync(store);
        }

        using var reopened = _folder.Open(fsync);

        Assert.Equal(before, await StoreState.OfAsync(reopened));
        Assert.Equal(30, (await reopened.Orders.ListAsync(new() { Limit = 1000 })).Count);
    }

    [Fact]
    public async Task Changed_and_deleted_users_stay_changed_and_deleted()
    {
        var boss = new ConsoleUser { UserName = "boss", NormalizedUserName = "BOSS", Roles = [Role.Admin] };
        var temp = new ConsoleUser { UserName = "temp", NormalizedUserName = "TEMP", Roles = [Role.Customer] };
        using (var store = _folder.Open())
        {
            await store.Accounts.CreateAsync(boss);
            await store.Accounts.CreateAsync(temp);
            var changed = boss.Copy();
            changed.IsDisabled = true;
            changed.ConcurrencyStamp = "second";
            Assert.True(await store.Accounts.UpdateAsync(changed, boss.ConcurrencyStamp));
            await store.Accounts.DeleteAsync(temp.Id);
        }

        using var reopened = _folder.Open();

        var users = await reopened.Accounts.ListAsync();
        Assert.Equal(["boss"], users.Select(user => user.UserName));
        Assert.True(users[0].IsDisabled);
        Assert.Equal("second", users[0].ConcurrencyStamp);
    }

    [Fact]
    public async Task The_feed_goes_on_from_its_last_position_after_a_restart()
    {
        string? last;
        using (var store = _folder.Open())
        {
            await store.Orders.SaveSupplierAsync(Samples.Luigis);
            await CreateAsync(store, "first");
            await CreateAsync(store, "second");
            last = await store.Feed.GetLatestEventIdAsync();
        }

        using var reopened = _folder.Open();
        var created = await CreateAsync(reopened, "third");

        // The supplier's save is the feed's first event, the two orders its second and third.
        Assert.Equal("3", last);
        var after = await reopened.Feed.ReadAfterAsync(last, 10, TimeSpan.Zero);
        Assert.Equal(["4"], after.Events.Select(orderEvent => orderEvent.EventId));
        Assert.Equal(created.Id, after.Events[0].OrderId);
        Assert.Equal("LUI-3", created.SupplierTrackingId);
    }

    [Fact]
    public async Task Public_tracking_tokens_and_remembered_commands_still_answer_after_a_restart()
    {
        Order created;
        using (var store = _folder.Open())
        {
            await store.Orders.SaveSupplierAsync(Samples.Luigis);
            created = await CreateAsync(store, "create-1");
        }

        using var reopened = _folder.Open();

        Assert.Equal(created.Id, (await reopened.Orders.FindByTrackingTokenAsync(created.TrackingToken))?.Id);
        Assert.Equal(created.Id, (await reopened.Orders.FindByTrackingIdAsync(created.TrackingId))?.Id);
        Assert.Equal(created.Id, (await reopened.Orders.GetCommandResultAsync("create-1"))?.Id);
        var retried = await reopened.Orders.CreateAsync(Samples.NewOrder(), Samples.Luigis, "tester", "create-1");
        Assert.Equal(created.Id, retried.Id);
    }

    [Fact]
    public async Task Saved_settings_stay_saved_after_a_restart()
    {
        ConsoleSettings saved;
        using (var store = _folder.Open())
        {
            saved = await store.Orders.SaveSettingsAsync(
                new ConsoleSettings { Currency = "EUR", DefaultMarkupPercentage = 25m, LateThresholdMinutes = 15, TimeZone = "Europe/Rome" }, "ada");
        }

        using var reopened = _folder.Open();

        Assert.Equal(saved, await reopened.Orders.GetSettingsAsync());
    }

    [Fact]
    public async Task A_deactivated_supplier_stays_deactivated_after_a_restart()
    {
        using (var store = _folder.Open())
        {
            await store.Orders.SaveSupplierAsync(Samples.Luigis);
            await store.Orders.SaveSupplierAsync(Samples.Luigis with { Active = false });
        }

        using var reopened = _folder.Open();

        var supplier = Assert.Single(await reopened.Orders.ListSuppliersAsync());
        Assert.False(supplier.Active);
    }

    [Fact]
    public async Task A_request_fingerprint_stays_bound_after_a_restart()
    {
        using (var store = _folder.Open())
        {
            await store.Fingerprints.BindAsync("caller:key-1", "first");
        }

        using var reopened = _folder.Open();

        Assert.Equal("first", await reopened.Fingerprints.BindAsync("caller:key-1", "second"));
    }

    [Fact]
    public async Task Demo_data_is_not_seeded_again_into_a_reopened_store()
    {
        using (var store = _folder.Open())
        {
            Assert.True(await DemoData.SeedIfEmptyAsync(store.Orders, new OrderService(store.Orders, _folder.Clock)));
        }

        using var reopened = _folder.Open();

        Assert.False(await DemoData.SeedIfEmptyAsync(reopened.Orders, new OrderService(reopened.Orders, _folder.Clock)));
        Assert.Equal(30, (await reopened.Orders.ListAsync(new() { Limit = 1000 })).Count);
    }

    [Fact]
    public async Task Demo_data_is_not_seeded_into_a_store_that_has_data_of_its_own()
    {
        using var store = _folder.Open();
        await store.Orders.SaveDriverAsync(Samples.Ana, "admin");

        Assert.False(await DemoData.SeedIfEmptyAsync(store.Orders, new OrderService(store.Orders, _folder.Clock)));
        Assert.Empty(await store.Orders.ListSuppliersAsync());
    }

    [Fact]
    public void A_second_store_cannot_open_a_data_folder_in_use()
    {
        using var first = _folder.Open();

        var refused = Assert.Throws<InvalidOperationException>(() => _folder.Open());

        Assert.Contains("in use by another console", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_journal_is_refused_rather_than_overwritten()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(_folder.JournalFile, "something else entirely");

        Assert.Throws<InvalidDataException>(() => _folder.Open());
        Assert.Equal("something else entirely", File.ReadAllText(_folder.JournalFile));
    }

    private static Task<Order> CreateAsync(EmbeddedStore store, string commandId) =>
        store.Orders.CreateAsync(Samples.NewOrder(), Samples.Luigis, "tester", commandId);
}
