using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrderConsole.Tests.Tracking;

/// <summary>
/// The public tracking endpoints share one limit per client address (here two requests a minute): past it, a
/// client gets 429 with <c>Retry-After</c> and problem details, and other addresses carry on.
/// </summary>
public sealed class PublicRateLimitTests(TinyRateLimitHost host) : IClassFixture<TinyRateLimitHost>
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_Retry_After_and_problem_details()
    {
        var client = IPAddress.Parse("203.0.113.1");
        for (var i = 0; i < TinyRateLimitHost.PermitLimit; i++)
        {
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, (await GetAsync(client, "/api/track/00000000")).StatusCode);
        }

        var refused = await GetAsync(client, "/api/track/00000000");
        var problem = JsonDocument.Parse(refused.Body).RootElement;

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.StartsWith("application/problem+json", refused.ContentType, StringComparison.Ordinal);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("try again in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_client_address_is_not_held_back_by_one_over_the_limit()
    {
        var busy = IPAddress.Parse("203.0.113.2");
        for (var i = 0; i <= TinyRateLimitHost.PermitLimit; i++)
        {
            await GetAsync(busy, "/api/track/99999999");
        }

        var other = await GetAsync(IPAddress.Parse("203.0.113.3"), "/api/track/99999999");

        Assert.Equal(StatusCodes.Status404NotFound, other.StatusCode);
    }

    [Fact]
    public async Task The_tracking_page_and_its_stream_count_against_the_same_limit()
    {
        var client = IPAddress.Parse("203.0.113.4");

        var page = await GetAsync(client, "/track/AAAAAAAAAAAAAAAAAAAAAA");
        var stream = await GetAsync(client, "/track/AAAAAAAAAAAAAAAAAAAAAA/events");
        var api = await GetAsync(client, "/api/track/00000000");

        Assert.Equal(StatusCodes.Status404NotFound, page.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, stream.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, api.StatusCode);
    }

    [Fact]
    public async Task Posting_feedback_counts_against_the_public_limit_and_past_it_gets_429()
    {
        var client = IPAddress.Parse("203.0.113.6");
        for (var i = 0; i < TinyRateLimitHost.PermitLimit; i++)
        {
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, (await SendAsync(client, HttpMethods.Post, "/track/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        var refused = await SendAsync(client, HttpMethods.Post, "/track/AAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.RetryAfter);
    }

    [Fact]
    public async Task The_staff_pages_are_not_held_back_by_the_public_limit()
    {
        var client = IPAddress.Parse("203.0.113.5");
        for (var i = 0; i <= TinyRateLimitHost.PermitLimit; i++)
        {
            await GetAsync(client, "/api/track/00000000");
        }

        var health = await GetAsync(client, "/healthz");

        Assert.Equal(StatusCodes.Status200OK, health.StatusCode);
    }

    private Task<(int StatusCode, string? RetryAfter, string? ContentType, string Body)> GetAsync(IPAddress address, string path) =>
        SendAsync(address, HttpMethods.Get, path);

    /// <summary>A request from <paramref name="address"/>: the test server has no real peers, so the address is set directly.</summary>
    private async Task<(int StatusCode, string? RetryAfter, string? ContentType, string Body)> SendAsync(IPAddress address, string method, string path)
    {
        var context = await host.Server.SendAsync(request =>
        {
            request.Request.Method = method;
            request.Request.Path = path;
            request.Connection.RemoteIpAddress = address;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.FirstOrDefault(), context.Response.ContentType, await reader.ReadToEndAsync());
    }
}
