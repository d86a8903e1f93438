using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;
using StackExchange.Redis;

namespace OrderConsole.Tests.Storage;

/// <summary>How the store connects: the operator's StackExchange.Redis configuration, checked before anything starts.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStoreConnectionTests(RedisServerFixture server)
{
    [Fact]
    public void An_unknown_option_in_the_connection_string_is_refused_by_name()
    {
        var refused = Assert.Throws<FormatException>(() => RedisStoreConnection.Configure($"{server.ConnectionString},commandTimeout=300"));

        Assert.Contains("commandTimeout", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_without_a_server_is_refused()
    {
        var refused = Assert.Throws<FormatException>(() => RedisStoreConnection.Configure("password=secret"));

        Assert.Contains("names no server", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connecting_to_a_port_without_a_server_fails_at_start()
    {
        await Assert.ThrowsAsync<RedisConnectionException>(() => RedisStoreConnection.ConnectAsync("127.0.0.1:1,connectTimeout=1000"));
    }

    [Fact]
    public async Task An_ACL_user_from_the_connection_string_runs_the_store()
    {
        await using var admin = await server.ConnectAdminAsync();
        await admin.Database.ExecuteAsync("ACL", "SETUSER", "orders-app", "on", ">s3cret", "~*", "&*", "+@all");

        await using var market = await RedisMarket.OpenNewAsync(server, "user=orders-app,password=s3cret");
        var order = await market.CreateOrderAsync();

        Assert.Equal("orders-app", (await market.Redis.Database.ExecuteAsync("ACL", "WHOAMI")).ToString());
        Assert.NotNull(await market.Store.GetAsync(order.Id));
    }

    [Fact]
    public async Task The_configured_database_holds_the_stores_keys()
    {
        await using var market = await RedisMarket.OpenNewAsync(server, "defaultDatabase=5");
        await using var admin = await server.ConnectAdminAsync();
        var order = await market.CreateOrderAsync();

        Assert.True(await admin.Multiplexer.GetDatabase(5).KeyExistsAsync(market.Options.KeyPrefix + $"order:{order.Id}"));
        Assert.False(await admin.Database.KeyExistsAsync(market.Options.KeyPrefix + $"order:{order.Id}"));
    }
}
