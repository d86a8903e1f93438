using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;
using static OrderConsole.Tests.Hosting.PageAuthorizationMatrixTests.Access;

namespace OrderConsole.Tests.Hosting;

/// <summary>
/// Which page each demo user may open, checked on the server through the real sign-in form: a page of their
/// roles is shown, another one redirects to "not your desk", and without signing in every page sends the person
/// to the sign-in page. The staff API answers with status codes instead of redirects (401, 403).
/// </summary>
public sealed partial class PageAuthorizationMatrixTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    public enum Access
    {
        Shown,
        Denied,
        SignIn,

        /// <summary>Sends the person on to their own desk (see <see cref="DeskLandingTests"/> for which).</summary>
        Desk,
    }

    /// <summary>The people in the columns of <see cref="s_pages"/>: null is someone who has not signed in.</summary>
    private static readonly string?[] s_people = [null, "admin", "supplier1", "supplier2", "customer", "dispatcher", "driver"];

    /// <summary>The specification: one row per page, one column per demo user.</summary>
    private static readonly (string Page, Access[] Access)[] s_pages =
    [
        //                   anonymous  admin   supplier1  supplier2  customer  dispatcher  driver
        ("/",               [SignIn,    Desk,   Desk,      Desk,      Desk,     Desk,       Desk]),
        ("/supplier",       [SignIn,    Shown,  Shown,     Shown,     Denied,   Denied,     Denied]),
        ("/customer",       [SignIn,    Shown,  Denied,    Denied,    Shown,    Denied,     Denied]),
        ("/dispatch",       [SignIn,    Shown,  Denied,    Denied,    Denied,   Shown,      Denied]),
        ("/driver",         [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Shown]),
        ("/orders",         [SignIn,    Shown,  Denied,    Denied,    Denied,   Shown,      Denied]),
        ("/tracker/{id}",   [SignIn,    Shown,  Shown,     Shown,     Shown,    Shown,      Shown]),
        ("/dashboard",      [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Denied]),
        ("/admin/users",    [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Denied]),
        ("/admin/suppliers", [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Denied]),
        ("/admin/drivers",  [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Denied]),
        ("/admin/settings", [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Denied]),
        ("/admin/webhooks", [SignIn,    Shown,  Denied,    Denied,    Denied,   Denied,     Denied]),
        ("/api/metrics",    [SignIn,    Shown,  Denied,    Denied,    Denied,   Shown,      Denied]),
    ];

    public static TheoryData<string, string, Access> Pages()
    {
        var rows = new TheoryData<string, string, Access>();
        foreach (var (page, access) in s_pages.Where(row => IsApi(row.Page) || IsConsolePage(row.Page)))
        {
            for (var column = 0; column < s_people.Length; column++)
            {
                rows.Add(page, s_people[column] ?? "anonymous", access[column]);
            }
        }

        return rows;
    }

    /// <summary>A row of a page the console does not have yet is left out of the matrix run, so this says so.</summary>
    [Fact]
    public void Every_page_in_the_matrix_is_a_page_of_the_console()
    {
        var missing = s_pages.Select(row => row.Page).Where(page => !IsApi(page) && !IsConsolePage(page));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_page_of_the_console_is_in_the_matrix()
    {
        var unlisted = ConsolePageTemplates().Where(template => s_pages.All(row => Normalized(row.Page) != template));

        Assert.Equal(["/account/denied", "/account/login", "/setup"], unlisted.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_opens_only_for_the_roles_the_matrix_gives_it(string page, string user, Access expected)
    {
        using var client = user == "anonymous" ? SignedInClient.Anonymous(factory) : await SignedInClient.AsAsync(factory, user);
        var path = page.Replace("{id}", (await LuigisNewOrderAsync()).Id.ToString(), StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        switch (expected)
        {
            case Shown:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case Denied when IsApi(page):
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                break;
            case SignIn when IsApi(page):
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                break;
            case Denied:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                break;
            case SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                break;
            case Desk:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.DoesNotContain("/account/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                break;
        }
    }

    /// <summary>Every role may open the tracker, but it shows an order only to those who may see it — to the others it does not exist.</summary>
    [Theory]
    [InlineData("admin", true)]
    [InlineData("supplier1", true)]
    [InlineData("dispatcher", true)]
    [InlineData("supplier2", false)]
    [InlineData("customer", false)]
    [InlineData("driver", false)]
    public async Task The_tracker_shows_a_new_luigis_order_only_to_those_who_may_see_it(string user, bool seesIt)
    {
        var order = await LuigisNewOrderAsync();
        using var client = await SignedInClient.AsAsync(factory, user);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/tracker/{order.Id}", UriKind.Relative)));

        Assert.Equal(seesIt, html.Contains($"Order {order.SupplierTrackingId}", StringComparison.Ordinal));
        Assert.Equal(!seesIt, html.Contains("No such order", StringComparison.Ordinal));
    }

    private static bool IsApi(string page) => page.StartsWith("/api/", StringComparison.Ordinal);

    private static bool IsConsolePage(string page) => ConsolePageTemplates().Contains(Normalized(page));

    /// <summary>The routes of the console's pages, with every parameter written <c>{}</c>.</summary>
    private static IEnumerable<string> ConsolePageTemplates() =>
        typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type))
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => Normalized(route.Template))
            .Distinct();

    private static string Normalized(string template) => RouteParameter().Replace(template, "{}");

    /// <summary>A pending order of Luigi's from the demo data: every staff role's tracker may show it, but only to Luigi's among the suppliers.</summary>
    private async Task<Order> LuigisNewOrderAsync()
    {
        var store = factory.Services.GetRequiredService<IOrderStore>();
        var orders = await store.ListAsync(new OrderQuery { Statuses = [OrderStatus.PendingSupplier], SupplierId = "luigis" });
        return orders.OrderBy(order => order.CreatedAt).First();
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
