using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>
/// Cookie callers are browsers, and a browser sends the cookie whoever's page asks: API writes made with the
/// cookie need the antiforgery header, the live connections check <c>Origin</c>, and sign-out needs the page's token.
/// </summary>
public sealed class RequestForgeryTests(RequestForgeryTests.DemoConsole console) : IClassFixture<RequestForgeryTests.DemoConsole>
{
    private const string ForeignOrigin = "http://127.0.0.1:9999";

    [Fact]
    public async Task A_cookie_api_write_without_the_antiforgery_header_is_refused_and_changes_nothing()
    {
        var orderId = await NewOrderAsync();
        using var supplier = await SignedInClient.AsAsync(console, "supplier1");

        // What an auto-submitted form on another page of the same site sends: the cookie and form fields, no token.
        using var forged = await supplier.PostAsync(
            ApiClient.Path($"/api/orders/{orderId}/status?status=cancelled&reason=forged"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "cancelled" }));
        var order = await (await ApiClient.AsAsync(console, "supplier1")).GetFromJsonAsync<JsonElement>(ApiClient.Path($"/api/orders/{orderId}"));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("antiforgery token", await DetailAsync(forged), StringComparison.Ordinal);
        Assert.Equal("pending_supplier", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cookie_api_write_with_the_antiforgery_header_goes_through()
    {
        var orderId = await NewOrderAsync();
        using var supplier = await SignedInClient.AsAsync(console, "supplier1");
        var grant = await supplier.GetFromJsonAsync<JsonElement>(ApiClient.Path("/api/auth/antiforgery"));

        using var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Path($"/api/orders/{orderId}/status?status=cancelled&reason=changed+our+mind"));
        request.Headers.Add(grant.GetProperty("header_name").GetString()!, grant.GetProperty("token").GetString());
        using var cancelled = await supplier.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
    }

    [Theory]
    [InlineData("/ws")]
    [InlineData("/api/events/stream")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task A_live_connection_opened_with_the_cookie_from_another_origin_is_refused(string path)
    {
        using var dispatcher = await SignedInClient.AsAsync(console, "dispatcher");
        using var request = new HttpRequestMessage(path.StartsWith("/_blazor", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, ApiClient.Path(path));
        request.Headers.Add("Origin", ForeignOrigin);

        using var response = await dispatcher.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(ForeignOrigin, await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_stream_opened_with_the_cookie_from_the_consoles_own_origin_is_served()
    {
        using var dispatcher = await SignedInClient.AsAsync(console, "dispatcher");
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Path("/api/events/stream"));
        request.Headers.Add("Origin", "http://localhost");

        using var response = await dispatcher.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        using var dispatcher = await SignedInClient.AsAsync(console, "dispatcher");

        using var forged = await dispatcher.PostAsync(ApiClient.Path("/account/logout"), new FormUrlEncodedContent([]));
        using var desk = await dispatcher.GetAsync(ApiClient.Path("/dispatch"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
    }

    [Fact]
    public async Task Sign_out_with_the_pages_token_ends_the_session()
    {
        using var dispatcher = await SignedInClient.AsAsync(console, "dispatcher");
        var page = await dispatcher.GetStringAsync(ApiClient.Path("/dispatch"));

        using var signedOut = await dispatcher.PostAsync(ApiClient.Path("/account/logout"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = ConsoleHost.FormToken(page) }));
        using var desk = await dispatcher.GetAsync(ApiClient.Path("/dispatch"));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
    }

    private async Task<string> NewOrderAsync()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");
        return await supplier.CreateOrderAsync();
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>The console with its demo data.</summary>
    public sealed class DemoConsole : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Demo:Enabled", "true");
    }
}
