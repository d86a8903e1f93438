using System.Net;
using System.Text.RegularExpressions;

namespace CircuitLoad;

/// <summary>
/// A person signed in through the console's sign-in form: the cookie every circuit of this run connects with.
/// The form's antiforgery token is read from the form, as a browser would post it.
/// </summary>
internal sealed partial class CookieSession(Uri address, CookieContainer cookies)
{
    public Uri Address => address;

    public CookieContainer Cookies => cookies;

    public static async Task<CookieSession> SignInAsync(Uri address, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var http = Client(cookies, address);
        var form = await http.GetStringAsync("/account/login");
        var fields = new Dictionary<string, string>();
        foreach (Match hidden in HiddenInputPattern().Matches(form))
        {
            fields[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        fields["Input.UserName"] = userName;
        fields["Input.Password"] = password;
        using var posted = await http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (cookies.GetCookies(address).All(cookie => !cookie.Name.Contains("Auth", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"signing in as {userName} gave no sign-in cookie (HTTP {(int)posted.StatusCode})");
        }

        return new CookieSession(address, cookies);
    }

    /// <summary>An HTTP client that sends this session's cookie and the console's own Origin.</summary>
    public HttpClient Client() => Client(cookies, address);

    private static HttpClient Client(CookieContainer cookies, Uri address)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        http.DefaultRequestHeaders.Add("Origin", address.GetLeftPart(UriPartial.Authority));
        return http;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInputPattern();
}
