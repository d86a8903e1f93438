using System.Net;
using System.Text.RegularExpressions;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components;

/// <summary>The dispatch desk's controls rendered to HTML: the late badge and the driver list with distances.</summary>
public sealed partial class DispatchControlMarkupTests
{
    private static readonly Order s_promisedIn30 = OrderChanges.AcceptBySupplier(Samples.NewOrder(), notes: null, 30, Samples.At);

    [Fact]
    public async Task A_late_order_gets_a_badge_that_says_late_in_words()
    {
        var html = await RenderBadgeAsync(s_promisedIn30, Samples.At.AddMinutes(42));

        Assert.Equal("<span class=\"late-badge\" title=\"Estimated arrival was 12:30 UTC\">late by 12 min</span>", html.Trim());
    }

    [Fact]
    public async Task An_order_on_time_gets_no_badge()
    {
        Assert.Equal(string.Empty, (await RenderBadgeAsync(s_promisedIn30, Samples.At.AddMinutes(29))).Trim());
    }

    [Fact]
    public async Task A_delivered_order_gets_no_badge_however_late_it_was()
    {
        var delivered = s_promisedIn30 with { Status = OrderStatus.Delivered };

        Assert.Equal(string.Empty, (await RenderBadgeAsync(delivered, Samples.At.AddHours(2))).Trim());
    }

    [Theory]
    [InlineData(0.5, "late by 1 min")]
    [InlineData(59.9, "late by 59 min")]
    [InlineData(65, "late by 1 h 05 min")]
    public void Lateness_reads_in_minutes_then_hours(double minutes, string text)
    {
        Assert.Equal(text, LateBadge.Describe(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public async Task The_driver_list_shows_each_driver_with_status_and_distance_to_one_decimal()
    {
        IReadOnlyList<DriverToPickup> drivers =
        [
            new(Samples.Ana, 1.23),
            new(Samples.Ben with { Status = DriverStatus.Busy }, 12.96),
        ];

        var html = await RenderListAsync(drivers);

        Assert.Equal([("Ana Lopez", "1.2 km", "available"), ("Ben Okafor", "13.0 km", "busy")], Items(html));
        Assert.Contains("aria-label=\"Drivers\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_driver_without_a_distance_is_listed_with_status_only()
    {
        var html = await RenderListAsync([new(Samples.Ana with { Status = DriverStatus.OnBreak }, null)]);

        Assert.Equal([("Ana Lopez", null, "on break")], Items(html));
    }

    private static Task<string> RenderBadgeAsync(Order order, DateTimeOffset now) =>
        ControlRenderer.RenderAsync<LateBadge>(new Dictionary<string, object?> { ["Order"] = order, ["Now"] = now });

    private static Task<string> RenderListAsync(IReadOnlyList<DriverToPickup> drivers) =>
        ControlRenderer.RenderAsync<DriverLineupList>(new Dictionary<string, object?> { ["Drivers"] = drivers });

    /// <summary>Each list item as (name, distance or null, status), in order.</summary>
    private static List<(string Name, string? Distance, string Status)> Items(string html) =>
        [.. ListItem().Matches(WebUtility.HtmlDecode(html)).Select(item => (
            item.Groups["name"].Value,
            item.Groups["distance"].Success ? item.Groups["distance"].Value : null,
            item.Groups["status"].Value))];

    [GeneratedRegex("""<span class="driver-name">(?<name>[^<]*)</span>\s*<span class="driver-facts">\s*(?:<span class="driver-distance">(?<distance>[^<]*)</span>\s*)?<span class="driver-status[^"]*">(?<status>[^<]*)</span>""")]
    private static partial Regex ListItem();
}
