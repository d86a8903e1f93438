using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Webhooks;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>
/// Two instances on one real Redis, one running the workers and one serving pages with <c>Workers:Enabled=false</c>:
/// the pages instance's board, which its dashboard and metrics show, follows the workers the other one runs.
/// </summary>
public sealed class RedisPagesOnlyInstanceTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private WebApplicationFactory<Program> _workers = default!;
    private WebApplicationFactory<Program> _pages = default!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _workers = Instance(workers: true);
        _pages = Instance(workers: false);
    }

    public async Task DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _workers.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task An_instance_with_workers_disabled_shows_the_workers_another_instance_runs()
    {
        using var _ = _workers.CreateClient();
        var running = _workers.Services.GetRequiredService<WorkerStatusBoard>();
        await Eventually.HoldsAsync(() => running.Find(WebhookWorker.WorkerName)?.MeasuredAt is not null, "the workers instance follows the feed");

        using var __ = _pages.CreateClient();
        var shown = _pages.Services.GetRequiredService<WorkerStatusBoard>();

        await Eventually.HoldsAsync(() => shown.Find(WebhookWorker.WorkerName) is { MeasuredAt: not null, Lag: not null }, "the pages instance shows the webhook worker's group");
        Assert.Equal(0, shown.Find(WebhookWorker.WorkerName)!.Handled);
    }

    private WebApplicationFactory<Program> Instance(bool workers) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Redis:ConnectionString", _redis.ConnectionString)
            .UseSetting("Demo:Enabled", "true")
            .UseSetting("Workers:Enabled", workers ? "true" : "false"));
}
