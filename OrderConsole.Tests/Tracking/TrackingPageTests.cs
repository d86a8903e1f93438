using System.Diagnostics.Metrics;
using System.Net;
using OrderConsole.Core.Observability;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Tracking;

/// <summary>
/// <c>/track/{token}</c>: a plain server-rendered page with the whole state on it, for anyone with the link, with
/// no Blazor circuit and nothing personal.
/// </summary>
public sealed class TrackingPageTests(PublicTrackingHost host) : IClassFixture<PublicTrackingHost>
{
    private readonly TrackedOrders _orders = new(host);

    [Fact]
    public async Task The_tracking_page_renders_the_whole_state_on_the_server()
    {
        var order = await _orders.InStatusAsync(OrderStatus.InTransit);

        var html = await GetPageAsync(order.TrackingToken);

        Assert.Contains("<h1 id=\"track-status\" data-field=\"status-text\">On the way</h1>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"><span class=\"track-step-marker\" aria-hidden=\"true\"></span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"track-step-label\">In transit</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-valuenow=\"66\"", html, StringComparison.Ordinal);
        Assert.Contains("Expected at", html, StringComparison.Ordinal);
        Assert.Contains($"<span data-field=\"driver-name\">{TrackedOrders.DriverFirstName}</span>", html, StringComparison.Ordinal);
        Assert.Contains("51.50722, -0.12751", html, StringComparison.Ordinal);
        Assert.Contains("Being prepared", html, StringComparison.Ordinal);
        Assert.Contains($"{TrackedOrders.DriverFirstName} will deliver it", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_script_the_tracking_page_reloads_itself_until_the_order_is_final()
    {
        var moving = await _orders.InStatusAsync(OrderStatus.Dispatched);
        var delivered = await _orders.InStatusAsync(OrderStatus.Delivered);

        var movingHtml = await GetPageAsync(moving.TrackingToken);
        var deliveredHtml = await GetPageAsync(delivered.TrackingToken);

        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>", movingHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", deliveredHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tracking_page_opens_no_blazor_circuit()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Ready);

        var html = await GetPageAsync(order.TrackingToken);

        Assert.DoesNotContain("blazor.web.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("_blazor", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/track.js\" defer></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tracking_page_shows_neither_the_staff_navigation_nor_a_sign_in()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Ready);

        var html = await GetPageAsync(order.TrackingToken);

        Assert.DoesNotContain("aria-label=\"Main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign", html, StringComparison.Ordinal);
        Assert.DoesNotContain("in-memory store", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.CustomerAccepted)]
    [InlineData(OrderStatus.InTransit)]
    [InlineData(OrderStatus.Delivered)]
    public async Task The_tracking_page_contains_no_personal_data(OrderStatus status)
    {
        var order = await _orders.InStatusAsync(status);

        var html = await GetPageAsync(order.TrackingToken);

        TrackedOrders.AssertNoPersonalData(html, order);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    public async Task An_unknown_tracking_link_answers_a_friendly_404_page(string token)
    {
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.GetAsync(new Uri($"/track/{token}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("find this order", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_view_of_the_tracking_page_is_counted()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        long views = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, subscribing) =>
        {
            if (instrument.Meter.Name == ConsoleMetrics.MeterName && instrument.Name == "orderconsole.tracking.page_views")
            {
                subscribing.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, increment, _, _) => Interlocked.Add(ref views, increment));
        listener.Start();

        await GetPageAsync(order.TrackingToken);
        await GetPageAsync(order.TrackingToken);

        // Other tests may view pages meanwhile; these two views are counted whatever they do.
        Assert.True(Interlocked.Read(ref views) >= 2, $"counted {views} views");
    }

    private async Task<string> GetPageAsync(string token)
    {
        using var client = SignedInClient.Anonymous(host);
        using var response = await client.GetAsync(new Uri($"/track/{token}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
