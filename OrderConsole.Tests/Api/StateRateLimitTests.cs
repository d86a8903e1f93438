using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>/api/state</c> is rate limited per client address: past the limit it answers 429 with <c>Retry-After</c>.</summary>
public sealed class StateRateLimitTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
        .UseSetting("RateLimits:State:PermitLimit", "2")
        .UseSetting("RateLimits:State:WindowSeconds", "60"));

    [Fact]
    public async Task Asking_for_the_state_too_often_answers_429_with_retry_after()
    {
        using var dispatcher = await ApiClient.AsAsync(_factory, "dispatcher");

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await dispatcher.GetAsync(ApiClient.Path("/api/state"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await dispatcher.GetAsync(ApiClient.Path("/api/state"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("too many requests", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _factory.Dispose();
}
