using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Tests.Support;
using OrderConsole.Components.Pages;
using OrdersPage = OrderConsole.Components.Pages.Orders;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>All orders in bUnit: one page of rows at a time, filters (from the address too), sorting, bulk actions on selected rows, details, and live changes row by row.</summary>
public sealed class OrdersPageTests : ConsoleTestContext
{
    [Fact]
    public async Task The_grid_lists_every_suppliers_orders_with_a_tracker_link()
    {
        var napoli = await Orders.CreateAsync(Marketplace.NapoliSupplier, new CreateOrder("napoli", [new OrderItem("Calzone", 1, 8m)]));
        await SeenLiveAsync(napoli);
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains("Napoli Express", Assert.Single(page.RowsWith(napoli.SupplierTrackingId)).Text(), StringComparison.Ordinal));
        Assert.Single(page.FindAll($"a[aria-label='Track {napoli.SupplierTrackingId}']"));
    }

    [Fact]
    public async Task A_large_store_is_shown_one_page_of_twenty_rows_at_a_time()
    {
        await ManyOrdersSeenAsync(45, "Bulk");
        SignIn("dispatcher", Role.Dispatcher);

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Equal(20, page.RowsWith("Bulk ").Count));
        Assert.Contains("Every status (45)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_status_shows_only_that_status()
    {
        var ready = await OrderInStatusAsync(OrderStatus.Ready, "Ready One");
        var pending = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Pending One");
        await SeenLiveAsync(pending);
        SignIn("dispatcher", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/orders?status=ready");

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() =>
        {
            Assert.Single(page.RowsWith(ready.SupplierTrackingId));
            Assert.Empty(page.RowsWith("Pending One"));
        });
    }

    [Fact]
    public async Task Choosing_a_supplier_filters_the_grid_and_puts_the_filter_in_the_address()
    {
        var luigis = await OrderInStatusAsync(OrderStatus.PendingSupplier, "From Luigi");
        var napoli = await Orders.CreateAsync(Marketplace.NapoliSupplier, new CreateOrder("napoli", [new OrderItem("From Napoli", 1, 8m)]));
        await SeenLiveAsync(napoli);
        SignIn("dispatcher", Role.Dispatcher);
        var popovers = Render<MudPopoverProvider>();
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("From Luigi")));

        await page.ChooseAsync(popovers, "Supplier", "Napoli Express");

        page.WaitForAssertion(() =>
        {
            Assert.Single(page.RowsWith(napoli.SupplierTrackingId));
            Assert.Empty(page.RowsWith(luigis.SupplierTrackingId));
        });
        Assert.EndsWith("/orders?supplier_id=napoli", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal("api/orders.csv?supplier_id=napoli", page.FindAll("a").Single(link => link.TextContent.Trim() == "Export CSV").GetAttribute("href"));
    }

    [Fact]
    public async Task Bulk_cancelling_says_for_each_order_whether_it_was_cancelled()
    {
        var open = await OrderInStatusAsync(OrderStatus.Ready, "Still Open");
        var delivered = await OrderInStatusAsync(OrderStatus.Delivered, "Already Here");
        await SeenLiveAsync(delivered);
        SignIn("dispatcher", Role.Dispatcher);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Already Here")));

        await page.Find($"input[aria-label='Select {open.SupplierTrackingId}']").ChangeAsync(new() { Value = true });
        await page.Find($"input[aria-label='Select {delivered.SupplierTrackingId}']").ChangeAsync(new() { Value = true });
        var clicking = page.ClickAsync("Cancel selected");
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Cancel the orders")));
        dialogs.Find("textarea, input").Input("Kitchen closed early");
        await dialogs.ClickAsync("Cancel the orders");
        await clicking;

        page.WaitForAssertion(() =>
        {
            var results = page.FindAll(".bulk-results li").Select(item => item.Text()).ToList();
            Assert.Contains($"{open.SupplierTrackingId} cancelled", results);
            Assert.Contains($"{delivered.SupplierTrackingId} not cancelled: it is already delivered", results);
        });
        Assert.Equal(OrderStatus.Cancelled, (await Store.GetAsync(open.Id))!.Status);
        Assert.Equal("Kitchen closed early", (await Store.GetAsync(open.Id))!.CancellationReason);
        Assert.Equal(OrderStatus.Delivered, (await Store.GetAsync(delivered.Id))!.Status);
    }

    [Fact]
    public async Task Cancelling_without_a_reason_is_asked_for_one_and_changes_nothing()
    {
        var open = await OrderInStatusAsync(OrderStatus.Ready, "Keep Me");
        await SeenLiveAsync(open);
        SignIn("dispatcher", Role.Dispatcher);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Keep Me")));

        await page.Find($"input[aria-label='Select {open.SupplierTrackingId}']").ChangeAsync(new() { Value = true });
        _ = page.ClickAsync("Cancel selected");
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Cancel the orders")));
        await dialogs.ClickAsync("Cancel the orders");

        dialogs.WaitForAssertion(() => Assert.Contains("Say why the orders are cancelled.", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(OrderStatus.Ready, (await Store.GetAsync(open.Id))!.Status);
    }

    [Fact]
    public async Task Clicking_an_order_opens_its_details_with_items_and_timeline()
    {
        var order = await OrderInStatusAsync(OrderStatus.Ready, "Calzone Grande", price: 14m);
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Calzone Grande")));

        await page.ClickAsync($"Details of {order.SupplierTrackingId}");

        page.WaitForAssertion(() =>
        {
            var details = page.Find(".order-details");
            Assert.Contains($"Order {order.SupplierTrackingId}", details.QuerySelector("h2")!.Text(), StringComparison.Ordinal);
            Assert.Contains("Calzone Grande", details.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(details.QuerySelectorAll(".track-timeline [role=listitem]"));
            Assert.Equal($"tracker/{order.Id}", details.QuerySelectorAll("a").Single(link => link.TextContent.Contains("full tracker", StringComparison.Ordinal)).GetAttribute("href"));
        });
    }

    [Fact]
    public async Task Searching_by_a_customers_name_finds_their_order()
    {
        var accepted = await OrderInStatusAsync(OrderStatus.CustomerAccepted, "Searchable");
        var other = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Not Searched");
        await SeenLiveAsync(other);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Not Searched")));

        page.Type("Search", Marketplace.Maya.Name!);
        Clock.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() =>
        {
            Assert.Single(page.RowsWith(accepted.SupplierTrackingId));
            Assert.Empty(page.RowsWith("Not Searched"));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_status_change_elsewhere_shows_in_the_grid_without_a_reload()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Watched");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Contains("pending supplier", Assert.Single(page.RowsWith("Watched")).Text(), StringComparison.Ordinal));

        var accepted = await Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 20);
        await SeenLiveAsync(accepted);

        page.WaitForAssertion(() => Assert.Contains("supplier accepted", Assert.Single(page.RowsWith("Watched")).Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Selecting_every_order_on_the_page_keeps_those_already_selected()
    {
        var first = await OrderInStatusAsync(OrderStatus.Ready, "Pick One");
        var second = await OrderInStatusAsync(OrderStatus.Ready, "Pick Two");
        await SeenLiveAsync(second);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Pick One")));
        await page.Find($"input[aria-label='Select {first.SupplierTrackingId}']").ChangeAsync(new() { Value = true });

        await page.Find("input[aria-label='Select every order on this page']").ChangeAsync(new() { Value = true });

        page.WaitForAssertion(() =>
        {
            Assert.Contains("2 selected", page.Find("[role=toolbar]").Text(), StringComparison.Ordinal);
            Assert.True(page.Find($"input[aria-label='Select {first.SupplierTrackingId}']").HasAttribute("checked"));
            Assert.True(page.Find($"input[aria-label='Select {second.SupplierTrackingId}']").HasAttribute("checked"));
        });
    }

    [Fact]
    public async Task A_change_to_an_order_the_filter_does_not_show_redraws_no_row()
    {
        var ready = await OrderInStatusAsync(OrderStatus.Ready, "Shown Ready");
        await SeenLiveAsync(ready);
        SignIn("dispatcher", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/orders?status=ready");
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Shown Ready")));
        var row = page.FindComponent<OrderRow>();
        var rowRenders = row.RenderCount;
        var pageRenders = page.RenderCount;

        await SeenLiveAsync(await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Not Ready", 1, 5m)])));

        // The page followed the change (its counts); the row of the ready order did not redraw. (The test clock stays
        // within one 15 s step of the relative times, which would redraw every row.)
        page.WaitForAssertion(() => Assert.True(page.RenderCount > pageRenders));
        Assert.Equal(rowRenders, row.RenderCount);
        Assert.Single(page.RowsWith("Shown Ready"));
    }

    [Fact]
    public async Task A_new_order_draws_its_own_row_and_leaves_the_others_as_they_were()
    {
        var first = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Already Listed");
        await SeenLiveAsync(first);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Already Listed")));
        var listed = page.FindComponents<OrderRow>().Single(row => row.Instance.Order.Id == first.Id);
        var renders = listed.RenderCount;

        await SeenLiveAsync(await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Just In", 1, 5m)])));

        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Just In")));
        Assert.Contains("Just In", page.FindAll("tbody tr")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(renders, listed.RenderCount);
    }

    [Fact]
    public async Task Clicking_a_heading_sorts_by_it_ascending_then_descending_then_back_to_newest_change_first()
    {
        var older = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Made First");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Made Second");
        Clock.Advance(TimeSpan.FromMinutes(1));

        // The older order changed last, so newest change first lists it above the newer one.
        var changed = await Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, older.Id, null, 20);
        await SeenLiveAsync(changed);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Single(page.RowsWith("Made Second")));
        string FirstRow() => page.FindAll("tbody tr")[0].TextContent;
        string CreatedSort() => page.FindAll("th").Single(heading => heading.TextContent.Contains("Created", StringComparison.Ordinal)).GetAttribute("aria-sort") ?? "none";
        Task ClickCreated() => page.Find("th button.sort-heading:contains('Created')").ClickAsync(new());
        Assert.Contains(older.SupplierTrackingId, FirstRow(), StringComparison.Ordinal);

        await ClickCreated();
        Assert.Equal("ascending", CreatedSort());
        Assert.Contains(older.SupplierTrackingId, FirstRow(), StringComparison.Ordinal);

        await ClickCreated();
        Assert.Equal("descending", CreatedSort());
        Assert.Contains(newer.SupplierTrackingId, FirstRow(), StringComparison.Ordinal);

        await ClickCreated();
        Assert.Equal("none", CreatedSort());
        Assert.Contains(older.SupplierTrackingId, FirstRow(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_page_shows_the_following_twenty_orders()
    {
        await ManyOrdersSeenAsync(25, "Paged");
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Equal(20, page.RowsWith("Paged ").Count));
        Assert.Contains("1–20 of 25", page.Find("nav.pager").TextContent, StringComparison.Ordinal);

        await page.Find("button[aria-label='Next page']").ClickAsync(new());

        Assert.Equal(5, page.RowsWith("Paged ").Count);
        Assert.Contains("21–25 of 25", page.Find("nav.pager").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("button[aria-label='Next page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_live_change_after_the_clock_moved_on_redraws_the_rows_relative_times()
    {
        var order = await OrderInStatusAsync(OrderStatus.PendingSupplier, "Aging Order");
        await SeenLiveAsync(order);
        SignIn("dispatcher", Role.Dispatcher);
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Contains("just now", Assert.Single(page.RowsWith("Aging Order")).Text(), StringComparison.Ordinal));

        Clock.Advance(TimeSpan.FromMinutes(2));
        await SeenLiveAsync(await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Later Order", 1, 5m)])));

        page.WaitForAssertion(() => Assert.Contains("2 min ago", Assert.Single(page.RowsWith("Aging Order")).Text(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_whose_orders_left_the_filter_shows_the_last_page_there_is()
    {
        var made = await ManyOrdersSeenAsync(25, "Leaving");
        SignIn("dispatcher", Role.Dispatcher);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/orders?status=pending_supplier");
        var page = Render<OrdersPage>();
        page.WaitForAssertion(() => Assert.Equal(20, page.RowsWith("Leaving ").Count));
        await page.Find("button[aria-label='Next page']").ClickAsync(new());
        Assert.Contains("21–25 of 25", page.Find("nav.pager").TextContent, StringComparison.Ordinal);

        Order? accepted = null;
        foreach (var order in made.Take(5))
        {
            accepted = await Orders.AcceptAsSupplierAsync(Marketplace.LuigisSupplier, order.Id, null, 20);
        }

        await SeenLiveAsync(accepted!);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("1–20 of 20", page.Find("nav.pager").TextContent, StringComparison.Ordinal);
            Assert.Equal(20, page.RowsWith("Leaving ").Count);
        });
    }

    /// <summary>Creates <paramref name="count"/> orders of one item each ("Bulk 0", "Bulk 1", …), oldest first, and waits until the read model has them.</summary>
    private async Task<IReadOnlyList<Order>> ManyOrdersSeenAsync(int count, string item)
    {
        var made = new List<Order>();
        for (var index = 0; index < count; index++)
        {
            made.Add(await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem($"{item} {index}", 1, 5m)])));
        }

        await SeenLiveAsync(made[^1]);
        return made;
    }
}
