using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>
/// The app hosted as it runs by default (embedded store, demo data): health, the sign-in wall, and the
/// prerendered pages an admin sees, each with the in-memory banner and the demo data it shows.
/// </summary>
public sealed class PageTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Banner = "Running on the embedded in-memory store with demo data";

    [Fact]
    public async Task The_health_endpoint_answers_ok()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/supplier")]
    [InlineData("/customer")]
    [InlineData("/dispatch")]
    [InlineData("/orders")]
    public async Task Every_page_answers_with_the_in_memory_banner(string path)
    {
        var html = await GetPageAsync(path);

        Assert.Contains(Banner, html, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web.js", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/supplier", "Orders of Crust & Co")]
    [InlineData("/supplier", "CRU-1")]
    [InlineData("/customer", "Offers awaiting a customer")]
    [InlineData("/customer", "Maya Patel")]
    [InlineData("/dispatch", "Ana Lopez")]
    [InlineData("/dispatch", "Eli Haddad")]
    [InlineData("/orders", "Every status (30)")]
    public async Task A_page_shows_the_demo_data(string path, string text)
    {
        var html = await GetPageAsync(path);

        Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/supplier")]
    [InlineData("/customer")]
    [InlineData("/dispatch")]
    [InlineData("/orders")]
    public async Task A_page_sends_someone_who_has_not_signed_in_to_the_sign_in_page(string path)
    {
        using var client = SignedInClient.Anonymous(factory);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supplier1", "/dispatch")]
    [InlineData("supplier1", "/customer")]
    [InlineData("customer", "/supplier")]
    [InlineData("dispatcher", "/supplier")]
    public async Task A_page_outside_a_persons_roles_is_refused_on_the_server(string user, string path)
    {
        using var client = await SignedInClient.AsAsync(factory, user);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SignedInClient.AsAsync(factory, "admin", "not-the-password"));

        Assert.Contains("answered 200", refused.Message, StringComparison.Ordinal);
    }

    private async Task<string> GetPageAsync(string path)
    {
        using var client = await SignedInClient.AsAsync(factory, "admin");
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
