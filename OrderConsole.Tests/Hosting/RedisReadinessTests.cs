using System.Net;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>On Redis, <c>/readyz</c> follows the multiplexer's state and the read model's feed.</summary>
public sealed class RedisReadinessTests(RedisConsoleFactory console) : IClassFixture<RedisConsoleFactory>
{
    [Fact]
    public async Task The_console_is_not_ready_while_its_Redis_is_away_and_ready_again_once_it_is_back()
    {
        using var client = console.Factory.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "ready at start");

        console.Redis.Kill();
        try
        {
            await Eventually.HoldsAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.ServiceUnavailable, "not ready while Redis is away");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await console.Redis.StartAsync();
        }

        await Eventually.HoldsAsync(async () => (await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, "ready again once Redis is back");
    }
}
