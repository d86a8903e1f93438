using Microsoft.Extensions.Logging.Abstractions;
using OrderConsole.Core.Live;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Observability;

/// <summary>What the read model tells the live metrics: when a rendered change was committed, and how far behind the feed it is.</summary>
public sealed class LiveMetricsTests : IAsyncLifetime
{
    private Marketplace _market = default!;
    private LiveOrders _live = default!;

    public async Task InitializeAsync()
    {
        _market = await Marketplace.OpenAsync();
        _live = new LiveOrders(_market.Store, _market.Feed, _market.Clock, new LiveOrdersOptions(), NullLogger<LiveOrders>.Instance);
        await _live.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _live.StopAsync(CancellationToken.None);
        _live.Dispose();
    }

    [Fact]
    public async Task A_subscriber_learns_when_the_change_it_renders_was_committed()
    {
        var committed = new List<DateTimeOffset?>();
        using var subscription = _live.Subscribe(LiveFilter.Everything, at =>
        {
            lock (committed)
            {
                committed.Add(at);
            }

            return Task.CompletedTask;
        });

        var order = await _market.CreateOrderAsync();

        await Eventually.HoldsAsync(() => { lock (committed) { return committed.Count > 0; } }, "the subscriber is called");
        Assert.Equal(order.CreatedAt, committed[0]);
    }

    [Fact]
    public async Task Feed_lag_is_zero_once_the_read_model_has_caught_up()
    {
        var order = await _market.CreateOrderAsync();
        await Eventually.HoldsAsync(() => _live.Find(order.Id) is not null, "the read model has the order");

        _market.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.Zero, _live.FeedLag);
    }
}
