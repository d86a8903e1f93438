using System.Text.Json;
using OrderConsole.Core.Events;
using OrderConsole.E2E.Infrastructure;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using OrderConsole.Tests.Workers;

namespace OrderConsole.E2E;

/// <summary>
/// Two console processes on one Redis: when one is killed while its webhook worker holds events, the other finishes
/// them; the stock the orders reserved on either side of the kill adds up.
/// </summary>
public sealed class WorkerTakeoverTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task An_instance_killed_while_its_workers_hold_events_is_taken_over_each_webhook_is_accepted_once_and_stock_adds_up()
    {
        await using var receiver = new WebhookReceiver { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var prefix = $"takeover{Guid.NewGuid():N}:";
        await using var a = await ConsoleProcess.StartAsync(Settings(prefix, "console-a"));
        var created = new List<Guid>();
        using (var admin = await ConsoleApi.SignInAsync(a.Address, "admin"))
        {
            await admin.PostAsync("/api/webhooks", new { url = receiver.Url, event_types = new[] { OrderEventTypes.Created }, secret = "a-long-enough-shared-secret" });
            await admin.PutAsync("/api/suppliers/luigis/stock", new { item = StockedItem, quantity = 10 });
            for (var i = 0; i < 5; i++)
            {
                var order = await admin.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = StockedItem, supplier_price = 10 });
                created.Add(order.GetProperty("id").GetGuid());
            }

            // Three customers accept on console-a before it dies, two on console-b after.
            await AcceptAsync(admin, created.Take(3));
        }

        // console-a's webhook worker is in the middle of a delivery, its event pending in the group: kill it there.
        await Eventually.HoldsAsync(() => receiver.Arrived >= 1, "console-a started delivering");
        await a.KillAsync();
        receiver.Gate.SetResult();
        receiver.Gate = null;

        await using var b = await ConsoleProcess.StartAsync(Settings(prefix, "console-b"));
        using var onB = await ConsoleApi.SignInAsync(b.Address, "admin");
        await AcceptAsync(onB, created.Skip(3));

        await Eventually.HoldsAsync(() => created.All(id => AcceptedOrders(receiver).Contains(id)), "console-b delivered every order.created");
        await Eventually.SettleAsync();
        var accepted = AcceptedOrders(receiver);
        Assert.Equal(created.Order(), accepted.Order());
        Assert.All(receiver.AcceptedByEventId.Values, count => Assert.Equal(1, count));
        var stock = await onB.GetAsync("/api/suppliers/luigis/stock");
        var level = stock.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("item").GetString() == StockedItem);
        Assert.Equal(5, level.GetProperty("quantity").GetInt32());
    }

    private const string StockedItem = "Takeover Special";

    private static async Task AcceptAsync(ConsoleApi api, IEnumerable<Guid> orders)
    {
        foreach (var id in orders)
        {
            await api.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=25");
            await api.PostAsync($"/api/orders/{id}/customer-accept?customer_name=John%20Doe&delivery_address=456%20Oak%20Avenue&customer_phone=%2B1%20555%200199");
        }
    }

    private static List<Guid> AcceptedOrders(WebhookReceiver receiver) =>
        [.. receiver.Accepted.Select(received => JsonDocument.Parse(received.Body).RootElement.GetProperty("order_id").GetGuid())];

    private Dictionary<string, string> Settings(string prefix, string instance) => new()
    {
        ["Redis__ConnectionString"] = _redis.ConnectionString,
        ["Redis__KeyPrefix"] = prefix,
        ["InstanceName"] = instance,
        ["Workers__ClaimIdleTimeout"] = "00:00:02",
        ["Workers__ClaimInterval"] = "00:00:00.500",
        ["Workers__PollInterval"] = "00:00:00.200",
        ["Webhooks__FirstRetryDelay"] = "00:00:00.100",
        ["Webhooks__RetryPoll"] = "00:00:00.100",
    };
}
