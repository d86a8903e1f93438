using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E.Deploy;

/// <summary>
/// The topology of docker-compose.yml, run by deploy/local-cluster.sh as processes: a browser goes through
/// HAProxy, stays on the instance its sticky cookie names, sees changes made on the other instance live, and
/// Prometheus scrapes both instances.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class LocalClusterTests(LocalClusterFixture cluster)
{
    private const string StickyCookie = "OC_INSTANCE";

    [Fact]
    public async Task Through_haproxy_a_change_made_on_one_instance_appears_live_on_a_circuit_held_by_the_other()
    {
        // The first browser lands on whichever instance HAProxy picks; its cookie names that instance.
        await using var first = await cluster.Browser.NewContextAsync();
        await ConsoleSignIn.AsAsync(first, cluster.Console, "supplier1");
        var supplier = await cluster.OpenAsync(first, "/supplier");
        var firstInstance = await StickyInstanceAsync(first);
        Assert.Contains(firstInstance, new[] { "app1", "app2" });

        // The second browser carries the cookie of the other instance, so HAProxy sends its page, its circuit's
        // negotiation and its WebSocket there.
        var otherInstance = firstInstance == "app1" ? "app2" : "app1";
        await using var second = await cluster.Browser.NewContextAsync();
        await second.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = StickyCookie, Value = otherInstance, Url = cluster.Console.ToString() }]);
        await ConsoleSignIn.AsAsync(second, cluster.Console, "dispatcher");
        var circuitSockets = new List<string>();
        second.Page += (_, page) => page.WebSocket += (_, socket) => circuitSockets.Add(socket.Url);
        var orders = await cluster.OpenAsync(second, "/orders");
        await orders.EvaluateAsync("() => window.notReloaded = true");

        var item = "Cluster Pizza " + Guid.NewGuid().ToString("N")[..8];
        var row = orders.GetByRole(AriaRole.Row).Filter(new() { HasText = item });
        await supplier.GetByLabel("Item").FillAsync(item);
        await supplier.GetByLabel("Supplier price").FillAsync("11.00");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Create order" }).ClickAsync();
        await Expect(row).ToContainTextAsync("pending supplier");

        await supplier.GetByLabel("Estimated minutes").FillAsync("15");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Accept order" }).ClickAsync();
        await Expect(row).ToContainTextAsync("supplier accepted");

        // The page on the other instance was updated in place, over a WebSocket through HAProxy, and both
        // browsers are still pinned where they started (HAProxy rewrites the cookie only when it moves a client).
        Assert.True(await orders.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page on the other instance was reloaded");
        Assert.Contains(circuitSockets, url => url.StartsWith(cluster.Console.ToString().Replace("http://", "ws://", StringComparison.Ordinal), StringComparison.Ordinal)
                                               && url.Contains("/_blazor", StringComparison.Ordinal));
        Assert.Equal(otherInstance, await StickyInstanceAsync(second));
        Assert.Equal(firstInstance, await StickyInstanceAsync(first));
    }

    [Fact]
    public async Task Prometheus_scrapes_both_instances_under_their_names()
    {
        using var http = new HttpClient();
        var exposesMetrics = (await http.GetAsync(new Uri(cluster.App1, "/metrics"))).StatusCode == HttpStatusCode.OK;

        // Wait (bounded) until Prometheus has discovered and scraped both targets at least once.
        var targets = await EventuallyAsync(async () =>
        {
            var found = await ActiveTargetsAsync(http);
            return found.Count == 2 && found.All(target => target.Health != "unknown") ? found : null;
        });

        Assert.Equal(["app1", "app2"], targets.Select(target => target.Instance).Order(StringComparer.Ordinal));
        Assert.All(targets, target => Assert.Equal("orderconsole", target.Job));
        Assert.Contains(targets, target => target.ScrapeUrl == new Uri(cluster.App1, "/metrics").ToString());
        Assert.Contains(targets, target => target.ScrapeUrl == new Uri(cluster.App2, "/metrics").ToString());
        if (exposesMetrics)
        {
            Assert.All(targets, target => Assert.True(target.Health == "up", $"{target.Instance}: {target.Health} {target.LastError}"));
        }
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/METRICS/")]
    [InlineData("/%6detrics")]
    public async Task Through_haproxy_metrics_are_not_served(string path)
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(cluster.Console + path.TrimStart('/')));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> StickyInstanceAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(cookie => cookie.Name == StickyCookie)?.Value
        ?? throw new InvalidOperationException("HAProxy set no sticky cookie");

    private async Task<List<ScrapeTarget>> ActiveTargetsAsync(HttpClient http)
    {
        using var answer = JsonDocument.Parse(await http.GetStringAsync(new Uri(cluster.Prometheus, "/api/v1/targets?state=active")));
        return [.. answer.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray().Select(target => new ScrapeTarget(
            target.GetProperty("labels").GetProperty("instance").GetString()!,
            target.GetProperty("labels").GetProperty("job").GetString()!,
            target.GetProperty("scrapeUrl").GetString()!,
            target.GetProperty("health").GetString()!,
            target.GetProperty("lastError").GetString() ?? string.Empty))];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the condition did not hold within 60 s");
            }

            await Task.Delay(250);
        }
    }

    private sealed record ScrapeTarget(string Instance, string Job, string ScrapeUrl, string Health, string LastError);
}
