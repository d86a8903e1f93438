using System.Text.Json;
using OrderConsole.Core.Events;
using OrderConsole.E2E.Infrastructure;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using OrderConsole.Tests.Workers;

namespace OrderConsole.E2E;

/// <summary>Two console processes on one Redis: when one is killed while its webhook worker holds events, the other finishes them.</summary>
public sealed class WorkerTakeoverTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task An_instance_killed_while_its_workers_hold_events_is_taken_over_and_each_webhook_is_accepted_once()
    {
        await using var receiver = new WebhookReceiver { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var prefix = $"takeover{Guid.NewGuid():N}:";
        await using var a = await ConsoleProcess.StartAsync(Settings(prefix, "console-a"));
        var created = new List<Guid>();
        using (var admin = await ConsoleApi.SignInAsync(a.Address, "admin"))
        {
            await admin.PostAsync("/api/webhooks", new { url = receiver.Url, event_types = new[] { OrderEventTypes.Created }, secret = "a-long-enough-shared-secret" });
            for (var i = 0; i < 5; i++)
            {
                var order = await admin.PostAsync("/api/orders", new { supplier_id = "luigis", pizza_name = $"Takeover {i}", supplier_price = 10 });
                created.Add(order.GetProperty("id").GetGuid());
            }
        }

        // console-a's webhook worker is in the middle of a delivery, its event pending in the group: kill it there.
        await Eventually.HoldsAsync(() => receiver.Arrived >= 1, "console-a started delivering");
        await a.KillAsync();
        receiver.Gate.SetResult();
        receiver.Gate = null;

        await using var b = await ConsoleProcess.StartAsync(Settings(prefix, "console-b"));

        await Eventually.HoldsAsync(() => created.All(id => AcceptedOrders(receiver).Contains(id)), "console-b delivered every order.created");
        await Eventually.SettleAsync();
        var accepted = AcceptedOrders(receiver);
        Assert.Equal(created.Order(), accepted.Order());
        Assert.All(receiver.AcceptedByEventId.Values, count => Assert.Equal(1, count));
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
