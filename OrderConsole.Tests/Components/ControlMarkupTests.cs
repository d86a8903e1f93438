using System.Net;
using System.Text.RegularExpressions;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components;

/// <summary>The small controls every page uses, rendered to HTML.</summary>
public sealed partial class ControlMarkupTests
{
    [Theory]
    [InlineData(OrderStatus.PendingSupplier, "status-pending_supplier", "pending supplier")]
    [InlineData(OrderStatus.SupplierAccepted, "status-supplier_accepted", "supplier accepted")]
    [InlineData(OrderStatus.SupplierRejected, "status-supplier_rejected", "supplier rejected")]
    [InlineData(OrderStatus.CustomerAccepted, "status-customer_accepted", "customer accepted")]
    [InlineData(OrderStatus.Preparing, "status-preparing", "preparing")]
    [InlineData(OrderStatus.Ready, "status-ready", "ready")]
    [InlineData(OrderStatus.Dispatched, "status-dispatched", "dispatched")]
    [InlineData(OrderStatus.InTransit, "status-in_transit", "in transit")]
    [InlineData(OrderStatus.Delivered, "status-delivered", "delivered")]
    [InlineData(OrderStatus.Cancelled, "status-cancelled", "cancelled")]
    public async Task A_status_badge_shows_the_status_in_words_with_a_class_per_status(OrderStatus status, string cssClass, string text)
    {
        var html = await ControlRenderer.RenderAsync<OrderStatusBadge>(new Dictionary<string, object?> { ["Status"] = status });

        Assert.Equal($"<span class=\"status {cssClass}\">{text}</span>", html);
    }

    [Fact]
    public async Task A_price_breakdown_shows_supplier_price_markup_and_customer_price()
    {
        var order = Samples.NewOrder(price: 10.03m, markup: 50m);

        var html = await ControlRenderer.RenderAsync<PriceBreakdown>(new Dictionary<string, object?> { ["Order"] = order });

        Assert.Equal(
            [("Supplier price", "$10.03"), ("Markup", "50 %"), ("Customer price", "$15.05")],
            DefinitionPairs(html));
        Assert.Contains("aria-label=\"Price breakdown\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_breakdown_shows_the_customer_price_fixed_at_acceptance()
    {
        var order = Samples.NewOrder(price: 12m, markup: 12.5m) with { CustomerPrice = 13.99m };

        var html = await ControlRenderer.RenderAsync<PriceBreakdown>(new Dictionary<string, object?> { ["Order"] = order });

        Assert.Equal(
            [("Supplier price", "$12.00"), ("Markup", "12.5 %"), ("Customer price", "$13.99")],
            DefinitionPairs(html));
    }

    [Theory]
    [InlineData(-5, "5 min ago")]
    [InlineData(10, "in 10 min")]
    [InlineData(-0.5, "just now")]
    [InlineData(-180, "3 h ago")]
    [InlineData(-(60 * 24 * 3), "3 days ago")]
    public async Task A_relative_time_reads_as_people_say_it(double minutesFromNow, string text)
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var at = now.AddMinutes(minutesFromNow);

        var html = await RenderTimeAsync(at, now);

        Assert.EndsWith($">{text}</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_time_carries_the_exact_moment_in_its_attributes()
    {
        var at = new DateTimeOffset(2025, 3, 1, 11, 55, 0, TimeSpan.Zero);

        var html = WebUtility.HtmlDecode(await RenderTimeAsync(at, at.AddMinutes(5)));

        Assert.Equal("<time datetime=\"2025-03-01T11:55:00.0000000+00:00\" title=\"2025-03-01 11:55:00 UTC\">5 min ago</time>", html);
    }

    [Fact]
    public async Task A_relative_time_titles_a_local_time_with_its_UTC_moment()
    {
        var at = new DateTimeOffset(2025, 3, 1, 13, 55, 0, TimeSpan.FromHours(2));

        var html = await RenderTimeAsync(at, at.AddMinutes(5));

        Assert.Contains("title=\"2025-03-01 11:55:00 UTC\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_time_without_a_moment_renders_nothing()
    {
        Assert.Equal(string.Empty, await RenderTimeAsync(null, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task A_field_error_shows_the_fields_message_as_an_alert()
    {
        var errors = new FieldErrors();
        errors.Set("customer_name", "Customer name is required");

        var html = await ControlRenderer.RenderAsync<FieldError>(new Dictionary<string, object?>
        {
            ["Errors"] = errors,
            ["Field"] = "customer_name",
            ["Id"] = "customer_name-error",
        });

        Assert.Equal("<div class=\"field-error\" id=\"customer_name-error\" role=\"alert\">Customer name is required</div>", html.Trim());
    }

    [Fact]
    public async Task A_field_error_renders_nothing_while_its_field_is_fine()
    {
        var errors = new FieldErrors();
        errors.Set("delivery_address", "Delivery address is required");

        var html = await ControlRenderer.RenderAsync<FieldError>(new Dictionary<string, object?> { ["Errors"] = errors, ["Field"] = "customer_name" });

        Assert.DoesNotContain("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, html.Trim());
    }

    [Fact]
    public async Task A_field_error_encodes_the_message()
    {
        var errors = new FieldErrors();
        errors.Set("pizza_name", "<b>bold</b> is not a pizza");

        var html = await ControlRenderer.RenderAsync<FieldError>(new Dictionary<string, object?> { ["Errors"] = errors, ["Field"] = "pizza_name" });

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; is not a pizza", html, StringComparison.Ordinal);
    }

    private static Task<string> RenderTimeAsync(DateTimeOffset? at, DateTimeOffset now) =>
        ControlRenderer.RenderAsync<RelativeTime>(new Dictionary<string, object?> { ["At"] = at, ["Now"] = now });

    private static List<(string Term, string Value)> DefinitionPairs(string html)
    {
        var terms = DefinitionTerm().Matches(html).Select(match => match.Groups[1].Value).ToList();
        var values = DefinitionValue().Matches(html).Select(match => match.Groups[1].Value).ToList();
        return [.. terms.Zip(values)];
    }

    [GeneratedRegex("<dt>([^<]*)</dt>")]
    private static partial Regex DefinitionTerm();

    [GeneratedRegex("<dd[^>]*>([^<]*)</dd>")]
    private static partial Regex DefinitionValue();
}
