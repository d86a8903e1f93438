using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using StackExchange.Redis;
using Order = OrderConsole.Core.Orders.Order;

namespace OrderConsole.Tests.Storage;

/// <summary>
/// What the store does when its connection misbehaves under a command: killed mid-command, a server paused past
/// the timeout, a flushed script cache, a server that is away. Each behaviour is asserted through the store, on
/// the StackExchange.Redis connection it runs on.
/// </summary>
[Collection(RedisFaultCollection.Name)]
public sealed class RedisConnectionFaultTests(RedisServerFixture server)
{
    [Fact]
    public async Task A_command_in_flight_when_its_connection_is_killed_is_outcome_unknown_and_its_retry_applies_once()
    {
        await using var market = await RedisMarket.OpenNewAsync(server, "asyncTimeout=30000,name=victim");
        await using var admin = await server.ConnectAdminAsync();
        var order = await market.CreateOrderAsync();

        // Writes wait on the server while reads go on, so the transition's script is sent and held there.
        await admin.Database.ExecuteAsync("CLIENT", "PAUSE", 30_000, "WRITE");
        Task<Order> accepting;
        try
        {
            accepting = market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "accept-once");
            await Eventually.HoldsAsync(async () => await IsWaitingOnTheServerAsync(admin, "victim"), "the script reaching the paused server");
            await admin.Database.ExecuteAsync("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");

            var lost = await Assert.ThrowsAsync<StoreUnavailableException>(() => accepting);
            Assert.True(lost.OutcomeUnknown);
            Assert.Contains("may or may not have been applied", lost.Message, StringComparison.Ordinal);
        }
        finally
        {
            await admin.Database.ExecuteAsync("CLIENT", "UNPAUSE");
        }

        var retried = await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(() =>
            market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "accept-once"));
        var again = await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "accept-once");

        Assert.Equal((OrderStatus.SupplierAccepted, 2L), (retried.Status, retried.Version));
        Assert.Equal(retried.Version, again.Version);
        Assert.Equal(2, (await market.Store.GetHistoryAsync(order.Id)).Count);
    }

    [Fact]
    public async Task A_server_paused_past_the_timeout_times_the_command_out_as_outcome_unknown_and_its_retry_applies_once()
    {
        await using var market = await RedisMarket.OpenNewAsync(server, "asyncTimeout=300,syncTimeout=300");
        await using var admin = await server.ConnectAdminAsync();
        var order = await market.CreateOrderAsync();

        await admin.Database.ExecuteAsync("CLIENT", "PAUSE", 2_000, "WRITE");
        var timedOut = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "accept-late"));
        Assert.True(timedOut.OutcomeUnknown);

        // The script was sent, so it runs once the pause ends; the retry finds it applied and applies nothing more.
        var retried = await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(() =>
            market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30, commandId: "accept-late"));
        Assert.Equal((OrderStatus.SupplierAccepted, 2L), (retried.Status, retried.Version));
        Assert.Equal(2, (await market.Store.GetHistoryAsync(order.Id)).Count);
    }

    [Fact]
    public async Task After_a_timeout_many_concurrent_callers_each_get_their_own_answer()
    {
        await using var market = await RedisMarket.OpenNewAsync(server, "asyncTimeout=300,syncTimeout=300");
        await using var admin = await server.ConnectAdminAsync();
        var orders = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => market.CreateOrderAsync()));

        // Ten times the timeout: a test process that stalls for a second on a busy machine still reads within the pause.
        await admin.Database.ExecuteAsync("CLIENT", "PAUSE", 3_000, "ALL");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => market.Store.GetAsync(orders[0].Id));

        var read = await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(() =>
            Task.WhenAll(Enumerable.Range(0, 200).Select(i => market.Store.GetAsync(orders[i % orders.Length].Id))));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(orders[i % orders.Length].Id, read[i]!.Id));
    }

    [Fact]
    public async Task After_SCRIPT_FLUSH_the_store_scripts_still_run_and_apply_once()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var admin = await server.ConnectAdminAsync();
        var order = await market.CreateOrderAsync();

        await admin.Database.ExecuteAsync("SCRIPT", "FLUSH");
        var accepted = await market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30);
        var another = await market.CreateOrderAsync();

        Assert.Equal((OrderStatus.SupplierAccepted, 2L), (accepted.Status, accepted.Version));
        Assert.Equal(2, (await market.Store.GetHistoryAsync(order.Id)).Count);
        Assert.NotNull(await market.Store.GetAsync(another.Id));
    }

    [Fact]
    public async Task A_server_busy_with_a_long_script_refuses_with_BUSY_and_nothing_changes()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var admin = await server.ConnectAdminAsync();
        await using var runaway = await server.ConnectAsync("asyncTimeout=30000");
        var order = await market.CreateOrderAsync();
        await admin.Database.ExecuteAsync("CONFIG", "SET", "busy-reply-threshold", 50);
        var looping = runaway.Database.ScriptEvaluateAsync("local n = 0 while true do n = n + 1 end");
        try
        {
            await Eventually.HoldsAsync(async () => await AnswersBusyAsync(admin), "the server answering BUSY");

            var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));

            Assert.False(refused.OutcomeUnknown);
            Assert.Contains("BUSY", refused.Message, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await admin.Database.ExecuteAsync("SCRIPT", "KILL");
            await Assert.ThrowsAsync<RedisServerException>(() => looping);
            await admin.Database.ExecuteAsync("CONFIG", "SET", "busy-reply-threshold", 5000);
        }

        Assert.Equal((OrderStatus.PendingSupplier, 1L), ((await market.Store.GetAsync(order.Id))!.Status, (await market.Store.GetAsync(order.Id))!.Version));
    }

    [Fact]
    public async Task A_read_only_replica_refuses_writes_with_READONLY_and_nothing_changes()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        await using var admin = await server.ConnectAdminAsync();
        var order = await market.CreateOrderAsync();
        await admin.Database.ExecuteAsync("REPLICAOF", "127.0.0.1", "1");
        try
        {
            var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));

            Assert.False(refused.OutcomeUnknown);
            Assert.Contains("READONLY", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await admin.Database.ExecuteAsync("REPLICAOF", "NO", "ONE");
        }

        Assert.Equal((OrderStatus.PendingSupplier, 1L), ((await market.Store.GetAsync(order.Id))!.Status, (await market.Store.GetAsync(order.Id))!.Version));
    }

    [Fact]
    public async Task While_the_server_is_away_commands_fail_as_unreachable_and_work_again_once_it_is_back()
    {
        await using var market = await RedisMarket.OpenNewAsync(server);
        var order = await market.CreateOrderAsync();
        try
        {
            server.Kill();
            await Eventually.HoldsAsync(() => !market.Redis.IsConnected, "the client noticing the server is gone");

            var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                market.Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 30));
            Assert.False(refused.OutcomeUnknown);
            Assert.Contains("nothing was changed", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await server.StartAsync();
        }

        await Eventually.HoldsAsync(() => market.Redis.IsConnected, "reconnecting to the restarted server");
        // This server keeps nothing across a kill (see RedisCrashTests for one that does), so the supplier is saved again.
        await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(async () =>
        {
            await market.Store.SaveSupplierAsync(Samples.Luigis);
            return true;
        });
        var created = await RedisStoreFaultTests.RetryUntilStoreAnswersAsync(market.CreateOrderAsync);
        Assert.NotNull(await market.Store.GetAsync(created.Id));
    }

    private static async Task<bool> AnswersBusyAsync(RedisStoreConnection admin)
    {
        try
        {
            await admin.Database.PingAsync();
            return false;
        }
        catch (RedisServerException busy) when (busy.Message.StartsWith("BUSY", StringComparison.Ordinal))
        {
            return true;
        }
    }

    /// <summary>True while the named client has a command the server has not run yet (a paused write).</summary>
    private static async Task<bool> IsWaitingOnTheServerAsync(RedisStoreConnection admin, string clientName)
    {
        var clients = (await admin.Database.ExecuteAsync("CLIENT", "LIST")).ToString();
        return clients.Split('\n').Any(client =>
            client.Contains($"name={clientName} ", StringComparison.Ordinal) && client.Contains("flags=b", StringComparison.Ordinal));
    }
}
