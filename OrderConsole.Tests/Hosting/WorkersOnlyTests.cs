using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.AutoDispatch;
using OrderConsole.Core.Webhooks;
using OrderConsole.Core.Workers;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>
/// <c>Workers:Only</c> (the <c>--workers-only</c> switch) starts an instance that runs the workers and answers health,
/// serving no pages and no API; <c>Workers:Enabled=false</c> starts one that serves pages and runs no workers.
/// </summary>
public sealed class WorkersOnlyTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _workersOnly = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Workers:Only", "true"));
    private readonly WebApplicationFactory<Program> _pagesOnly = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Workers:Enabled", "false"));

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task A_workers_only_instance_answers_its_health(string path)
    {
        using var client = _workersOnly.CreateClient();

        using var response = await client.GetAsync(ApiClient.Path(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/api/orders")]
    [InlineData("/account/login")]
    public async Task A_workers_only_instance_serves_no_pages_and_no_api(string path)
    {
        using var client = _workersOnly.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(ApiClient.Path(path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_workers_only_instance_runs_every_feed_worker()
    {
        using var client = _workersOnly.CreateClient();
        using var _ = await client.GetAsync(ApiClient.Path("/healthz"));
        var board = _workersOnly.Services.GetRequiredService<WorkerStatusBoard>();

        await Eventually.HoldsAsync(
            () => new[] { "hub-relay", WebhookWorker.WorkerName, AutoDispatchWorker.WorkerName }.All(name => board.Find(name)?.MeasuredAt is not null),
            "the hub relay, webhook and auto-dispatch workers are following the feed");
    }

    [Fact]
    public async Task An_instance_with_workers_disabled_serves_pages_and_runs_no_feed_worker()
    {
        using var client = _pagesOnly.CreateClient();

        using var response = await client.GetAsync(ApiClient.Path("/account/login"));

        // A runner that started would have put its workers on the board by now; none did.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = _pagesOnly.Services.GetRequiredService<WorkerStatusBoard>();
        Assert.Null(board.Find("hub-relay"));
        Assert.Null(board.Find(WebhookWorker.WorkerName));
        Assert.Null(board.Find(AutoDispatchWorker.WorkerName));
    }

    public void Dispose()
    {
        _workersOnly.Dispose();
        _pagesOnly.Dispose();
    }
}
