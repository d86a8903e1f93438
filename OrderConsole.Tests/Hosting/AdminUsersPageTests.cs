using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>The users page is the admin's alone, refused on the server to every other role.</summary>
public sealed class AdminUsersPageTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_users_page_answers_an_admin_with_the_user_list()
    {
        using var client = await SignedInClient.AsAsync(factory, "admin");

        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("supplier2", html, StringComparison.Ordinal);
        Assert.Contains("Napoli Express", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supplier1")]
    [InlineData("supplier2")]
    [InlineData("customer")]
    [InlineData("dispatcher")]
    [InlineData("driver")]
    public async Task The_users_page_is_refused_to_every_other_role(string user)
    {
        using var client = await SignedInClient.AsAsync(factory, user);

        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_page_sends_someone_who_has_not_signed_in_to_the_sign_in_page()
    {
        using var client = SignedInClient.Anonymous(factory);

        using var response = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
