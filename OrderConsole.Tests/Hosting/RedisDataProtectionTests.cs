using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.Tests.Hosting;

/// <summary>On Redis, data-protection keys live in Redis, so every console instance reads what another protected.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisDataProtectionTests(RedisServerFixture server)
{
    [Fact]
    public async Task What_one_console_protects_another_on_the_same_Redis_can_read()
    {
        var prefix = $"t{Guid.NewGuid():N}:";
        await using var first = Console(prefix);
        await using var second = Console(prefix);

        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookies").Protect("signed in as sam");
        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookies").Unprotect(secret);

        Assert.Equal("signed in as sam", read);
        var redis = first.Services.GetRequiredService<RedisStoreConnection>();
        Assert.True(await redis.Database.ListLengthAsync(new RedisKeys(prefix).DataProtectionKeys) > 0);
    }

    private WebApplicationFactory<Program> Console(string prefix) => new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
        .UseSetting("Redis:ConnectionString", server.ConnectionString)
        .UseSetting("Redis:KeyPrefix", prefix)
        .UseSetting("Demo:Enabled", "false"));
}
