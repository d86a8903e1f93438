using System.Text.Json;
using OrderConsole.Core.Events;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>Everything a store holds that a reader can see, as JSON, so two stores can be compared as a whole.</summary>
public static class StoreState
{
    public static async Task<string> OfAsync(EmbeddedStore store)
    {
        var orders = await store.Orders.ListAsync(new OrderQuery { Limit = int.MaxValue });
        var histories = new List<object>();
        foreach (var order in orders.OrderBy(order => order.Id))
        {
            histories.Add(await store.Orders.GetHistoryAsync(order.Id));
        }

        var feed = await store.Feed.ReadAfterAsync(null, int.MaxValue, TimeSpan.Zero);
        return JsonSerializer.Serialize(new
        {
            orders = orders.OrderBy(order => order.Id),
            histories,
            suppliers = await store.Orders.ListSuppliersAsync(),
            drivers = await store.Orders.ListDriversAsync(),
            feed = feed.Events,
            latest = await store.Feed.GetLatestEventIdAsync(),
            users = await store.Accounts.ListAsync(),
            keys = await store.Accounts.GetAllAsync(),
        }, WireJson.Options);
    }
}
