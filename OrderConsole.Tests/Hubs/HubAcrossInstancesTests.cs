using Microsoft.AspNetCore.SignalR.Client;
using OrderConsole.Core.Events;
using OrderConsole.Tests.Support;
using Xunit.Abstractions;

namespace OrderConsole.Tests.Hubs;

/// <summary>
/// Two or three console processes on one Redis: order events made on one instance reach hub clients on another
/// through the relay and the backplane, each exactly once, also when the relaying instance is killed mid-stream.
/// </summary>
public sealed class HubAcrossInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Orders = 12;

    /// <summary>accepted, offer accepted, preparing, ready, cancelled.</summary>
    private const int ChangesPerOrder = 5;

    private readonly HubCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_client_on_B_joined_to_orders_receives_every_change_made_on_A_exactly_once()
    {
        var a = await _cluster.StartAsync("app-a");
        var b = await _cluster.StartAsync("app-b");
        await _cluster.WaitUntilRelayingAsync("app-a");
        await _cluster.WaitUntilRelayingAsync("app-b");

        var received = await FollowChangesAsync(a, b, afterChanges: null);

        AssertEachChangeOnce(received.Orders, received.Changes);
    }

    [Fact]
    public async Task A_client_on_B_receives_every_change_made_on_A_exactly_once_when_the_relaying_instance_is_killed_mid_stream()
    {
        // A makes the changes and relays nothing; R and B share the relaying until R dies, then B claims what R left.
        await _cluster.StartAsync("relay-r");
        var a = await _cluster.StartAsync("app-a", relays: false);
        var b = await _cluster.StartAsync("app-b");
        await _cluster.WaitUntilRelayingAsync("relay-r");
        await _cluster.WaitUntilRelayingAsync("app-b");

        var received = await FollowChangesAsync(a, b, afterChanges: Orders * ChangesPerOrder / 3);

        // An entry R had relayed but not acknowledged when it died reached the client already; B claims it once it has
        // been idle for the claim timeout (two seconds, checked every second), which may be after the last change.
        await Eventually.HoldsAsync(async () => await _cluster.PendingOnAsync("relay-r") == 0, "app-b claims what relay-r left");
        AssertEachChangeOnce(received.Orders, received.Changes);
    }

    /// <summary>
    /// Creates the orders on A, joins a client on B to each, then moves every order through five changes on A
    /// (in parallel, so a burst is in flight), killing relay-r after <paramref name="afterChanges"/> changes.
    /// </summary>
    private async Task<(IReadOnlyList<Guid> Orders, IReadOnlyList<OrderEvent> Changes)> FollowChangesAsync(Uri a, Uri b, int? afterChanges)
    {
        using var supplier = await SignInAsync(a, "supplier1");
        using var customer = await SignInAsync(a, "customer");
        var orders = new List<Guid>();
        for (var i = 0; i < Orders; i++)
        {
            orders.Add(Guid.Parse(await supplier.CreateOrderAsync($"Pizza {i}", 10m + i)));
        }

        await using var client = await HubClient.ConnectAsync(b, "dispatcher");
        foreach (var order in orders)
        {
            await client.Connection.InvokeAsync("JoinOrder", order);
        }

        var made = 0;
        var killed = afterChanges is null ? Task.CompletedTask : null;
        async Task MadeOneAsync()
        {
            if (Interlocked.Increment(ref made) == afterChanges)
            {
                killed = _cluster.KillAsync("relay-r");
                await killed;
                output.WriteLine($"relay-r killed after {afterChanges} changes with {await _cluster.PendingOnAsync("relay-r")} entries handed to it and not acknowledged");
            }
        }

        await Task.WhenAll(orders.Select(async order =>
        {
            string[] steps =
            [
                $"/api/orders/{order}/supplier-respond?accept=true&estimated_time=30",
                $"/api/orders/{order}/customer-accept?customer_name=Mia&delivery_address=1%20Main%20St",
                $"/api/orders/{order}/status?status=preparing",
                $"/api/orders/{order}/status?status=ready",
                $"/api/orders/{order}/status?status=cancelled&reason=customer%20called%20off",
            ];
            string[] statuses = ["supplier_accepted", "customer_accepted", "preparing", "ready", "cancelled"];
            for (var step = 0; step < steps.Length; step++)
            {
                await OrderSteps.ExpectAsync(step == 1 ? customer : supplier, steps[step], statuses[step]);
                await MadeOneAsync();
            }
        }));
        Assert.NotNull(killed);
        await killed!;

        await Eventually.HoldsAsync(() => client.Changes.Count >= Orders * ChangesPerOrder, $"the client hears all {Orders * ChangesPerOrder} changes");

        // Anything repeated would arrive right behind the original; give it the chance to.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return (orders, [.. client.Changes]);
    }

    /// <summary>
    /// Every change of every order once: versions 2 to 6 each exactly once (the instances relaying share the events,
    /// so two changes of one order may arrive in either order; <c>version</c> says which is newer).
    /// </summary>
    private static void AssertEachChangeOnce(IReadOnlyList<Guid> orders, IReadOnlyList<OrderEvent> changes)
    {
        Assert.Equal(changes.Count, changes.Select(change => change.EventId).Distinct().Count());
        foreach (var order in orders)
        {
            Assert.Equal([2L, 3L, 4L, 5L, 6L], changes.Where(change => change.OrderId == order).Select(change => change.Version).Order());
        }

        Assert.Equal(orders.Count * ChangesPerOrder, changes.Count);
    }

    private static async Task<HttpClient> SignInAsync(Uri console, string userName)
    {
        var http = new HttpClient { BaseAddress = console };
        var token = await HubClient.TokenAsync(http, userName, SignedInClient.DemoPassword);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
