using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;
using OrderConsole.Tests.Tracking;

namespace OrderConsole.Tests.Security;

/// <summary>What every answer says about itself: a script policy of 'self', nosniff, a referrer policy, who may frame it, and no server name.</summary>
public sealed class SecurityHeadersTests(RequestForgeryTests.DemoConsole console) : IClassFixture<RequestForgeryTests.DemoConsole>
{
    [Fact]
    public async Task A_console_page_carries_a_script_policy_of_self_and_may_be_framed_only_by_the_console()
    {
        using var page = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path("/account/login"));
        var policy = Policy(page);

        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_public_tracking_page_may_be_framed_by_nobody()
    {
        var order = await new TrackedOrders(console).InStatusAsync(OrderStatus.Preparing);

        using var page = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path($"/track/{order.TrackingToken}"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.EndsWith("frame-ancestors 'none'", Policy(page), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Api_answers_carry_nosniff_too()
    {
        using var answer = await SignedInClient.Anonymous(console).GetAsync(ApiClient.Path("/api/track/00000000"));

        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Kestrel_names_no_server_and_a_too_large_body_gets_a_problem_saying_so()
    {
        await using var host = new ConsoleHost("Development", ("Demo:Enabled", "true"))
        {
            Configure = builder => builder.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 2000),
        };
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(candidate => candidate.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        using var login = await http.PostAsync(new Uri("/api/auth/login", UriKind.Relative),
            new StringContent("{\"username\":\"supplier1\",\"password\":\"orderconsole\"}", Encoding.UTF8, "application/json"));
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var tooLarge = await http.PostAsync(new Uri("/api/orders", UriKind.Relative),
            new StringContent($"{{\"pizza_name\":\"{new string('x', 5000)}\",\"supplier_price\":10}}", Encoding.UTF8, "application/json"));
        using var problem = JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync());

        Assert.False(health.Headers.Contains("Server"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("2,000 bytes", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string Policy(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();
}
