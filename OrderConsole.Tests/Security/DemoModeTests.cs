using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>Demo data and demo users only where asked: Development, or <c>Demo:Enabled=true</c> with a password of its own.</summary>
public sealed class DemoModeTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task A_production_start_on_Redis_with_the_shipped_settings_has_no_demo_user()
    {
        await using var console = new ConsoleHost("Production", ("Redis:ConnectionString", _redis.ConnectionString));
        using var client = SignedInClient.Anonymous(console);

        using var signIn = await client.PostAsJsonAsync(ApiClient.Path("/api/auth/login"), new { username = "admin", password = SignedInClient.DemoPassword });
        var users = await console.Services.GetRequiredService<IUserAccounts>().ListAsync();
        var suppliers = await console.Services.GetRequiredService<IOrderStore>().ListSuppliersAsync();
        var page = await client.GetStringAsync(ApiClient.Path("/account/login"));

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Empty(users);
        Assert.Empty(suppliers);
        Assert.DoesNotContain("Demo users", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SignedInClient.DemoPassword, page, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_demo_mode_with_the_default_password_refuses_to_start()
    {
        using var console = new ConsoleHost("Production", ("Redis:ConnectionString", _redis.ConnectionString), ("Demo:Enabled", "true"));

        var refused = Assert.ThrowsAny<Exception>(() => console.CreateClient());

        Assert.Contains("Demo:Password", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains(DemoSeedingRefusal, refused.ToString(), StringComparison.Ordinal);
    }

    private const string DemoSeedingRefusal = "the console does not start like this";

    [Fact]
    public async Task Outside_development_demo_mode_with_a_password_of_its_own_seeds_the_demo_users()
    {
        await using var console = new ConsoleHost(
            "Production", ("Redis:ConnectionString", _redis.ConnectionString), ("Demo:Enabled", "true"), ("Demo:Password", "a-demo-of-our-own"));

        using var supplier = await ApiClient.AsAsync(console, "supplier1", "a-demo-of-our-own");
        using var orders = await supplier.GetAsync(ApiClient.Path("/api/orders"));

        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_lists_demo_users_only_in_demo_mode()
    {
        await using var plain = new ConsoleHost("Development", ("Demo:Enabled", "false"));
        await using var demo = new ConsoleHost("Development", ("Demo:Enabled", "true"));

        var withoutDemo = await SignedInClient.Anonymous(plain).GetStringAsync(ApiClient.Path("/account/login"));
        var withDemo = await SignedInClient.Anonymous(demo).GetStringAsync(ApiClient.Path("/account/login"));

        Assert.DoesNotContain("Demo users", withoutDemo, StringComparison.Ordinal);
        Assert.Contains("Demo users", withDemo, StringComparison.Ordinal);
    }
}
