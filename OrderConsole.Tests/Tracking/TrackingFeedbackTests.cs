using System.Net;
using System.Text.RegularExpressions;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Tracking;

/// <summary>
/// The tracking page's feedback form: shown after delivery, posted once, refused with a message beside its field,
/// and what the customer wrote stays with staff (the page shows only the stars).
/// </summary>
public sealed partial class TrackingFeedbackTests(PublicTrackingHost host) : IClassFixture<PublicTrackingHost>
{
    private readonly TrackedOrders _orders = new(host);

    [Fact]
    public async Task A_delivered_order_asks_for_feedback()
    {
        var delivered = await _orders.InStatusAsync(OrderStatus.Delivered);
        using var client = SignedInClient.Anonymous(host);

        var html = await client.GetStringAsync(Page(delivered));

        Assert.Contains("How did it go?", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"#feedback-title\" class=\"track-feedback-form\">", html, StringComparison.Ordinal);
        TrackedOrders.AssertNoPersonalData(html, delivered, tokenAllowed: false);
        Assert.Matches(FeedbackSectionShown(), html);
    }

    [Fact]
    public async Task An_order_on_its_way_has_the_form_hidden_until_it_is_delivered()
    {
        var moving = await _orders.InStatusAsync(OrderStatus.InTransit);
        using var client = SignedInClient.Anonymous(host);

        var html = await client.GetStringAsync(Page(moving));

        Assert.Matches(FeedbackSectionHidden(), html);
    }

    [Fact]
    public async Task Sent_feedback_is_kept_and_the_page_thanks_the_customer_without_showing_the_comment()
    {
        var delivered = await _orders.InStatusAsync(OrderStatus.Delivered);
        using var client = SignedInClient.Anonymous(host);

        using var sent = await PostAsync(client, delivered, stars: "4", comment: "Friendly, but the box was dented");
        var html = await client.GetStringAsync(Page(delivered));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/track/{delivered.TrackingToken}", sent.Headers.Location?.OriginalString);
        Assert.Contains("Thank you for your feedback: you rated this delivery 4 of 5.", html, StringComparison.Ordinal);
        Assert.Contains("Rated 4 of 5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Friendly, but the box was dented", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        var stored = (await _orders.Orders.GetAsync(Marketplace.Admin, delivered.Id)).Feedback;
        Assert.Equal((4, "Friendly, but the box was dented"), (stored!.Stars, stored.Comment));
    }

    [Fact]
    public async Task Feedback_sent_a_second_time_is_refused_in_words_and_the_first_stays()
    {
        var delivered = await _orders.InStatusAsync(OrderStatus.Delivered);
        using var client = SignedInClient.Anonymous(host);
        var form = await client.GetStringAsync(Page(delivered));
        using var first = await PostAsync(client, delivered, "5", "Lovely", form);

        using var second = await PostAsync(client, delivered, "1", "Actually awful", form);
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains($"Feedback for order {delivered.SupplierTrackingId} was already given; thank you.", html, StringComparison.Ordinal);
        Assert.Equal(5, (await _orders.Orders.GetAsync(Marketplace.Admin, delivered.Id)).Feedback!.Stars);
    }

    [Fact]
    public async Task Feedback_without_stars_is_refused_beside_the_rating_and_keeps_the_comment()
    {
        var delivered = await _orders.InStatusAsync(OrderStatus.Delivered);
        using var client = SignedInClient.Anonymous(host);

        using var refused = await PostAsync(client, delivered, stars: null, comment: "Quick!");
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"stars-error\">Choose a rating from 1 to 5 stars.</p>", html, StringComparison.Ordinal);
        Assert.Contains(">Quick!</textarea>", html, StringComparison.Ordinal);
        Assert.Null((await _orders.Orders.GetAsync(Marketplace.Admin, delivered.Id)).Feedback);
    }

    [Fact]
    public async Task A_form_without_its_anti_forgery_token_stores_nothing()
    {
        var delivered = await _orders.InStatusAsync(OrderStatus.Delivered);
        using var client = SignedInClient.Anonymous(host);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["stars"] = "5" });

        using var refused = await client.PostAsync(Page(delivered), content);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This form had expired.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await _orders.Orders.GetAsync(Marketplace.Admin, delivered.Id)).Feedback);
    }

    [Fact]
    public async Task Feedback_for_an_order_not_delivered_is_refused()
    {
        var moving = await _orders.InStatusAsync(OrderStatus.InTransit);
        using var client = SignedInClient.Anonymous(host);

        using var refused = await PostAsync(client, moving, "5", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"Order {moving.SupplierTrackingId} is not delivered yet; feedback can be given once it is.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Uri Page(Order order) => new($"/track/{order.TrackingToken}", UriKind.Relative);

    /// <summary>Posts the page's form as a browser would: with the anti-forgery token from the page it read.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Order order, string? stars, string? comment, string? page = null)
    {
        page ??= await client.GetStringAsync(Page(order));
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(page).Groups["token"].Value };
        if (stars is not null)
        {
            fields["stars"] = stars;
        }

        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(Page(order), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<section class=\"panel track-section track-feedback\" aria-labelledby=\"feedback-title\" data-show=\"feedback\">")]
    private static partial Regex FeedbackSectionShown();

    [GeneratedRegex("<section class=\"panel track-section track-feedback\" aria-labelledby=\"feedback-title\" data-show=\"feedback\" hidden>")]
    private static partial Regex FeedbackSectionHidden();
}
