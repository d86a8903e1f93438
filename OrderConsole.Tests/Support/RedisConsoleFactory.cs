using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Infrastructure;

namespace OrderConsole.Tests.Support;

/// <summary>The app hosted in-process on a real Redis server of its own, with the demo data seeded into it.</summary>
public sealed class RedisConsoleFactory : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public RedisServerFixture Redis { get; } = new();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("the factory starts with the fixture");

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Redis:ConnectionString", Redis.ConnectionString)
            .UseSetting("Demo:Enabled", "true"));
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}
