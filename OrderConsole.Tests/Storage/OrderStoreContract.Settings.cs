using OrderConsole.Core.Events;
using OrderConsole.Core.Settings;

namespace OrderConsole.Tests.Storage;

/// <summary>The settings every adapter keeps: nothing until the first save, then the last save, announced on the feed in full.</summary>
public abstract partial class OrderStoreContract
{
    private static readonly ConsoleSettings s_euroSettings = new()
    {
        Currency = "EUR", DefaultMarkupPercentage = 25m, LateThresholdMinutes = 15, TimeZone = "Europe/Rome",
    };

    [Fact]
    public async Task A_new_store_has_no_saved_settings()
    {
        var (store, _) = CreateStore();

        Assert.Null(await store.GetSettingsAsync());
    }

    [Fact]
    public async Task Saved_settings_read_back_with_when_and_by_whom()
    {
        var (store, _) = CreateStore();

        var saved = await store.SaveSettingsAsync(s_euroSettings, "ada");
        var read = await store.GetSettingsAsync();

        Assert.Equal(saved, read);
        Assert.Equal(("EUR", 25m, 15, "Europe/Rome", "ada"), (read!.Currency, read.DefaultMarkupPercentage, read.LateThresholdMinutes, read.TimeZone, read.UpdatedBy));
        Assert.NotNull(read.UpdatedAt);
    }

    [Fact]
    public async Task The_last_save_wins()
    {
        var (store, _) = CreateStore();
        await store.SaveSettingsAsync(s_euroSettings, "ada");

        await store.SaveSettingsAsync(s_euroSettings with { Currency = "GBP", TimeZone = "Europe/London" }, "bo");

        Assert.Equal(("GBP", "Europe/London", "bo"), ((await store.GetSettingsAsync())!.Currency, (await store.GetSettingsAsync())!.TimeZone, (await store.GetSettingsAsync())!.UpdatedBy));
    }

    [Fact]
    public async Task Saving_settings_appends_settings_updated_carrying_every_setting()
    {
        var (store, feed) = CreateStore();
        var position = await feed.GetLatestEventIdAsync();

        var saved = await store.SaveSettingsAsync(s_euroSettings, "ada");

        var change = Assert.Single((await feed.ReadAfterAsync(position, 10, TimeSpan.Zero)).Events);
        Assert.Equal(OrderEventTypes.SettingsUpdated, change.EventType);
        Assert.Equal(saved, change.Settings);
        Assert.Equal("ada", change.Actor);
        Assert.Null(change.Order);
    }
}
