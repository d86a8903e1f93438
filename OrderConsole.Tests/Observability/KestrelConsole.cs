using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Observability;

/// <summary>The app on Kestrel at a free loopback port (so real Prometheus can scrape it), with a way to deliver an order through it.</summary>
public sealed class KestrelConsole : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory = new();

    public Uri Address { get; private set; } = default!;

    public Uri MetricsAddress => new(Address, "/metrics");

    public Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First(address => address.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return Task.CompletedTask;
    }

    public async Task<string> ScrapeAsync()
    {
        using var client = new HttpClient();
        return await client.GetStringAsync(MetricsAddress);
    }

    /// <summary>Creates an order and walks it to delivered with a driver who is free.</summary>
    public Task<Order> DeliverAnOrderAsync() => DeliverAnOrderAsync(_factory.Services);

    /// <summary>Creates an order in the app behind <paramref name="services"/> and walks it to delivered with a driver who is free.</summary>
    public static async Task<Order> DeliverAnOrderAsync(IServiceProvider services)
    {
        var orders = services.GetRequiredService<OrderService>();
        var store = services.GetRequiredService<IOrderStore>();
        var order = await orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem("Margherita", 1, 10m)]));
        var driver = (await store.ListDriversAsync()).First(candidate => candidate.Status == DriverStatus.Available);
        return await Marketplace.WalkAsync(orders, order, OrderStatus.Delivered, driver.Id);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
