using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Webhooks;
using OrderConsole.Tests.Workers;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The admin's webhooks page in bUnit: subscribing, messages beside the fields, the delivery log and redelivery to a real receiver.</summary>
public sealed class AdminWebhooksPageTests : ConsoleTestContext
{
    private readonly InMemoryWebhookStore _webhooks = new();
    private readonly HttpClient _http = new();
    private readonly WebhookSender _sender;

    public AdminWebhooksPageTests()
    {
        _sender = new WebhookSender(() => _http, _webhooks, new WebhookOptions(), Clock);
        Services.AddSingleton<IWebhookStore>(_webhooks);
        Services.AddSingleton(_sender);
        Services.AddSingleton(new WebhookOptions());
        SignIn("admin", Role.Admin);
    }

    [Fact]
    public async Task A_new_subscription_is_listed_with_its_events_in_words()
    {
        var (page, popovers) = OpenPage();

        page.Type("URL", "https://partner.example/hooks");
        await page.ChooseAsync(popovers, "Event types", "Order delivered");
        await popovers.FindAll(".mud-popover-open [role=option]").Single(option => option.TextContent.Trim() == "Order late").ClickAsync(new());
        page.Type("Secret", "a-long-enough-secret");
        await page.ClickAsync("Subscribe");

        var saved = Assert.Single(await _webhooks.ListSubscriptionsAsync());
        Assert.Equal(["order.delivered", "order.late"], saved.EventTypes.Order(StringComparer.Ordinal));
        page.WaitForAssertion(() => Assert.Contains("Order delivered, Order late · by admin", page.Find("ul.webhook-list").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("a-long-enough-secret", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_a_web_address_gets_a_message_beside_it_and_nothing_is_saved()
    {
        var (page, popovers) = OpenPage();

        page.Type("URL", "partner hooks");
        await page.ChooseAsync(popovers, "Event types", "All events");
        page.Type("Secret", "a-long-enough-secret");
        await page.ClickAsync("Subscribe");

        Assert.StartsWith("\"partner hooks\" is not an absolute http or https URL", page.ErrorOf("URL"), StringComparison.Ordinal);
        Assert.Empty(await _webhooks.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task A_short_secret_gets_a_message_beside_it()
    {
        var (page, popovers) = OpenPage();

        page.Type("URL", "https://partner.example/hooks");
        await page.ChooseAsync(popovers, "Event types", "All events");
        page.Type("Secret", "short");
        await page.ClickAsync("Subscribe");

        Assert.Equal("The secret must be at least 16 characters, so the signatures cannot be guessed", page.ErrorOf("Secret"));
    }

    [Fact]
    public async Task Choosing_no_event_type_gets_a_message_beside_the_event_types()
    {
        var (page, _) = OpenPage();

        page.Type("URL", "https://partner.example/hooks");
        page.Type("Secret", "a-long-enough-secret");
        await page.ClickAsync("Subscribe");

        Assert.Contains("Choose at least one event type, or All events", page.Markup, StringComparison.Ordinal);
        Assert.Empty(await _webhooks.ListSubscriptionsAsync());
    }

    [Fact]
    public async Task The_delivery_log_shows_a_delivery_and_redelivering_sends_it_again()
    {
        await using var receiver = new WebhookReceiver();
        var subscription = WebhookSubscription.New((receiver.Url, ["*"], "a-long-enough-secret"), Start, "admin");
        await _webhooks.SaveSubscriptionAsync(subscription);
        await OrderInStatusAsync(OrderStatus.PendingSupplier);
        var created = (await Feed.ReadAfterAsync(null, 100, TimeSpan.Zero)).Events[^1];
        await new WebhookWorker(_webhooks, _sender, Clock).HandleAsync(created, CancellationToken.None);
        var (page, _) = OpenPage();

        await page.ClickAsync($"Deliveries to {receiver.Url}");
        var row = Assert.Single(page.RowsWith("Order created")).Text();
        Assert.StartsWith("Order created Delivered HTTP 204 in", row, StringComparison.Ordinal);

        await page.ClickAsync("Redeliver Order created of 12:00:00 UTC");

        Assert.Equal(2, receiver.Requests);
        page.WaitForAssertion(() => Assert.Contains("Redelivered Order created of 12:00:00 UTC: HTTP 204", page.Find("[role=status]").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, (await _webhooks.ListDeliveriesAsync(subscription.Id, 10)).Single().Attempts);
    }

    [Fact]
    public async Task A_subscription_deleted_after_confirming_is_gone()
    {
        await _webhooks.SaveSubscriptionAsync(WebhookSubscription.New(("https://partner.example/hooks", ["*"], "a-long-enough-secret"), Start, "admin"));
        var dialogs = Render<MudDialogProvider>();
        var (page, _) = OpenPage();

        await page.ConfirmAsync(dialogs, "Delete the subscription of https://partner.example/hooks", "Delete");

        Assert.Empty(await _webhooks.ListSubscriptionsAsync());
        page.WaitForAssertion(() => Assert.Contains("No subscription yet", page.Markup, StringComparison.Ordinal));
    }

    private (IRenderedComponent<AdminWebhooks> Page, IRenderedComponent<MudPopoverProvider> Popovers) OpenPage()
    {
        var popovers = Render<MudPopoverProvider>();
        return (Render<AdminWebhooks>(), popovers);
    }
}
