using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>After signing in each person lands on their own desk, unless the sign-in link named where to go back to.</summary>
public sealed partial class DeskLandingTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("supplier1", "/supplier")]
    [InlineData("customer", "/customer")]
    [InlineData("dispatcher", "/dispatch")]
    [InlineData("driver", "/driver")]
    [InlineData("admin", "/dashboard")]
    public async Task A_person_who_signs_in_lands_on_their_own_desk(string user, string desk)
    {
        using var client = SignedInClient.Anonymous(factory);

        var landed = await SignInAndFollowAsync(client, user, "/account/login");

        Assert.Equal(desk, landed);
    }

    [Fact]
    public async Task A_return_address_in_the_sign_in_link_wins_over_the_desk()
    {
        using var client = SignedInClient.Anonymous(factory);

        var landed = await SignInAndFollowAsync(client, "dispatcher", "/account/login?returnUrl=%2Forders");

        Assert.Equal("/orders", landed);
    }

    /// <summary>Posts the sign-in form and follows the redirects to the first page that answers 200; returns its path.</summary>
    private static async Task<string> SignInAndFollowAsync(HttpClient client, string user, string loginPath)
    {
        var form = await client.GetStringAsync(new Uri(loginPath, UriKind.Relative));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups["token"].Value,
            ["Input.UserName"] = user,
            ["Input.Password"] = SignedInClient.DemoPassword,
        });
        var response = await client.PostAsync(new Uri(loginPath, UriKind.Relative), content);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            var next = new Uri(client.BaseAddress!, response.Headers.Location!);
            response.Dispose();
            response = await client.GetAsync(next);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.RequestMessage!.RequestUri!.AbsolutePath;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
