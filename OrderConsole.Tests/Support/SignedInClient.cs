using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderConsole.Tests.Support;

/// <summary>
/// An HTTP client signed in through the real sign-in form — antiforgery token and all — holding the cookie.
/// Redirects are not followed, so tests see where the app sends a person.
/// </summary>
public static partial class SignedInClient
{
    public const string DemoPassword = "orderconsole";

    public static HttpClient Anonymous(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> AsAsync(WebApplicationFactory<Program> factory, string userName, string password = DemoPassword)
    {
        var client = Anonymous(factory);
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups["token"].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"signing in as {userName} answered {(int)response.StatusCode}, not a redirect");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
