using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>POST /api/auth/login</c>: bearer tokens for API clients, with the same role rules as the console.</summary>
public sealed class AuthApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Signing_in_answers_a_bearer_token_with_its_lifetime()
    {
        using var client = SignedInClient.Anonymous(factory);

        using var response = await client.PostAsJsonAsync(ApiClient.Path("/api/auth/login"), new { username = "dispatcher", password = SignedInClient.DemoPassword });
        var token = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.True(token.GetProperty("expires_in").GetInt64() > 0);
    }

    [Fact]
    public async Task A_wrong_password_answers_401()
    {
        using var client = SignedInClient.Anonymous(factory);

        using var response = await client.PostAsJsonAsync(ApiClient.Path("/api/auth/login"), new { username = "dispatcher", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("the user name or password is wrong", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_login_without_a_password_answers_400()
    {
        using var client = SignedInClient.Anonymous(factory);

        using var response = await client.PostAsJsonAsync(ApiClient.Path("/api/auth/login"), new { username = "dispatcher" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_answers_401()
    {
        using var client = SignedInClient.Anonymous(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await client.GetAsync(ApiClient.Path("/api/state"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_carries_the_users_roles()
    {
        using var driver = await ApiClient.AsAsync(factory, "driver");

        using var response = await driver.GetAsync(ApiClient.Path("/api/state"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_console_cookie_works_for_the_api_too()
    {
        using var dispatcher = await SignedInClient.AsAsync(factory, "dispatcher");

        using var response = await dispatcher.GetAsync(ApiClient.Path("/api/state"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
