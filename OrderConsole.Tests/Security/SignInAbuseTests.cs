using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>
/// Sign-in through the page and the API is limited per client address and per account; wrong passwords from
/// outside never lock an account for its owner elsewhere; unknown names cost a hash and read like wrong passwords.
/// </summary>
public sealed class SignInAbuseTests(SignInAbuseTests.LimitedSignIn host) : IClassFixture<SignInAbuseTests.LimitedSignIn>
{
    private const string Password = SignedInClient.DemoPassword;

    [Fact]
    public async Task Api_sign_ins_beyond_the_per_client_limit_answer_429_with_Retry_After_and_problem_details()
    {
        var client = IPAddress.Parse("198.51.100.1");
        for (var i = 0; i < LimitedSignIn.PerClient; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await LoginAsync(client, "dispatcher", Password)).Status);
        }

        var refused = await LoginAsync(client, "dispatcher", Password);

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Status);
        Assert.InRange(int.Parse(refused.RetryAfter!, CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("try again in", JsonDocument.Parse(refused.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_limited_per_client_too()
    {
        using var browser = SignedInClient.Anonymous(host);
        var form = await browser.GetStringAsync(ApiClient.Path("/account/login"));
        HttpResponseMessage? last = null;
        for (var i = 0; i <= LimitedSignIn.PerClient; i++)
        {
            last?.Dispose();
            last = await browser.PostAsync(ApiClient.Path("/account/login"), SignInForm(form, "nobody-" + i, "wrong-password"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Contains("Too many sign-in attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task Wrong_passwords_from_one_client_do_not_keep_the_owner_out_from_another()
    {
        var attacker = IPAddress.Parse("198.51.100.2");
        for (var i = 0; i < LimitedSignIn.PerAccountAndClient; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, (await LoginAsync(attacker, "customer", "wrong-password")).Status);
        }

        var attackerAgain = await LoginAsync(attacker, "customer", Password);
        var owner = await LoginAsync(IPAddress.Parse("198.51.100.3"), "customer", Password);

        Assert.Equal(StatusCodes.Status429TooManyRequests, attackerAgain.Status);
        Assert.Equal(StatusCodes.Status200OK, owner.Status);
    }

    [Fact]
    public async Task Wrong_passwords_for_one_account_from_many_clients_are_limited_per_account()
    {
        for (var i = 0; i < LimitedSignIn.PerAccount; i++)
        {
            await LoginAsync(IPAddress.Parse($"198.51.100.{10 + i}"), "supplier2", "wrong-password");
        }

        var next = await LoginAsync(IPAddress.Parse("198.51.100.99"), "supplier2", "wrong-password");

        Assert.Equal(StatusCodes.Status429TooManyRequests, next.Status);
        Assert.NotNull(next.RetryAfter);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_like_a_known_one()
    {
        var hashes = host.Services.GetRequiredService<CountingHasher>();
        var client = IPAddress.Parse("198.51.100.4");

        var beforeKnown = hashes.Verifications;
        await LoginAsync(client, "driver", "wrong-password");
        var known = hashes.Verifications - beforeKnown;
        var beforeUnknown = hashes.Verifications;
        await LoginAsync(client, "nobody-by-this-name", "wrong-password");
        var unknown = hashes.Verifications - beforeUnknown;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_answer_as_a_wrong_password()
    {
        var wrongPassword = await LoginAsync(IPAddress.Parse("198.51.100.5"), "dispatcher", "wrong-password");
        var unknownName = await LoginAsync(IPAddress.Parse("198.51.100.6"), "nobody-by-this-name", "wrong-password");

        Assert.Equal(wrongPassword.Status, unknownName.Status);
        Assert.Equal(JsonDocument.Parse(wrongPassword.Body).RootElement.GetProperty("detail").GetString(),
            JsonDocument.Parse(unknownName.Body).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_failed_sign_in_never_writes_the_password_back_into_the_page()
    {
        using var browser = SignedInClient.Anonymous(host);
        var form = await browser.GetStringAsync(ApiClient.Path("/account/login"));

        using var failed = await browser.PostAsync(ApiClient.Path("/account/login"), SignInForm(form, "dispatcher", "Typed-Secret-42"));
        var page = await failed.Content.ReadAsStringAsync();

        Assert.Contains("The user name or password is not right.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Typed-Secret-42", page, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent SignInForm(string form, string userName, string password) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["__RequestVerificationToken"] = ConsoleHost.FormToken(form),
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
    });

    /// <summary><c>POST /api/auth/login</c> from <paramref name="address"/>: the test server has no real peers, so the address is set directly.</summary>
    private async Task<(int Status, string? RetryAfter, string Body)> LoginAsync(IPAddress address, string userName, string password)
    {
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { username = userName, password }));
        var context = await host.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Post;
            request.Request.Path = "/api/auth/login";
            request.Request.ContentType = "application/json";
            request.Request.Body = new MemoryStream(json);
            request.Request.ContentLength = json.Length;
            request.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            request.Connection.RemoteIpAddress = address;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString() is { Length: > 0 } after ? after : null, await reader.ReadToEndAsync());
    }

    /// <summary>The demo console with small sign-in limits and a password hasher that counts its verifications.</summary>
    public sealed class LimitedSignIn : WebApplicationFactory<Program>
    {
        public const int PerClient = 4;
        public const int PerAccount = 3;
        public const int PerAccountAndClient = 2;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Demo:Enabled", "true")
                .UseSetting("RateLimits:SignIn:PermitLimit", PerClient.ToString(CultureInfo.InvariantCulture))
                .UseSetting("RateLimits:SignIn:WindowSeconds", "60")
                .UseSetting("RateLimits:SignInFailures:PerAccount", PerAccount.ToString(CultureInfo.InvariantCulture))
                .UseSetting("RateLimits:SignInFailures:PerAccountAndClient", PerAccountAndClient.ToString(CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<CountingHasher>();
                services.AddScoped<IPasswordHasher<ConsoleUser>>(provider => provider.GetRequiredService<CountingHasher>());
            });
        }
    }

    /// <summary>Tells the endpoint the hand-made test request has a body.</summary>
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    /// <summary>Identity's own hasher, counting how often it verifies a password.</summary>
    public sealed class CountingHasher : IPasswordHasher<ConsoleUser>
    {
        private readonly PasswordHasher<ConsoleUser> _hasher = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(ConsoleUser user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ConsoleUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
