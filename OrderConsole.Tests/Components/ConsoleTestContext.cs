using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using OrderConsole.Accounts;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Settings;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Workers;
using OrderConsole.Hosting;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components;

/// <summary>
/// A bUnit context with the console's real parts: the in-memory store and its feed, the order service, the live
/// read model following the feed, MudBlazor's services and the command runner, on a <see cref="FakeTimeProvider"/>.
/// Two suppliers (Luigi's, Napoli) and two available drivers (Ana, Ben) exist; a test signs someone in and renders.
/// </summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    /// <param name="live">The read model's bounds; the defaults when none.</param>
    protected ConsoleTestContext(LiveOrdersOptions? live = null)
    {
        Feed = new InMemoryFeed();
        Store = new InMemoryOrderStore(Clock, Feed);
        Orders = new OrderService(Store, Clock);
        Live = new LiveOrders(Store, Feed, Clock, live ?? new LiveOrdersOptions(), NullLogger<LiveOrders>.Instance);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Store);
        Services.AddSingleton(Orders);
        Services.AddSingleton(new SupplierDirectory(Store));
        Services.AddSingleton(new DriverDirectory(Store));
        Services.AddSingleton(new ProofOfDelivery(Orders, new OrderConsole.Core.Storage.InMemory.InMemoryProofStore(), Clock));
        Services.AddSingleton(Live);
        Services.AddSingleton(new StoreDescription(IsInMemory: true, DemoEnabled: false, InstanceName: "console-test"));
        Services.AddSingleton(new OpenCircuits());
        Services.AddSingleton(new MapSettings(TileUrl: string.Empty, Attribution: string.Empty));
        Services.AddSingleton(Workers);
        Services.AddSingleton(WorkerOptions);
        Settings = new CurrentSettings(Live, new ConsoleSettings { Currency = "USD", DefaultMarkupPercentage = 30m, LateThresholdMinutes = 10, TimeZone = "UTC" });
        Services.AddSingleton(Settings);
        Services.AddSingleton(MoneyFormat.Following(() => Settings.Value.Currency));
        Services.AddScoped<CommandRunner>();
        Services.AddSingleton<RefusalWords>();
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected InMemoryFeed Feed { get; }

    /// <summary>This instance's worker figures, as the dashboard shows them; empty until a test runs a worker.</summary>
    protected WorkerStatusBoard Workers { get; } = new();

    /// <summary>The workers' settings the pages read; a test may turn the workers off here before rendering.</summary>
    protected FeedWorkerOptions WorkerOptions { get; } = new();

    protected InMemoryOrderStore Store { get; }

    protected OrderService Orders { get; }

    protected LiveOrders Live { get; }

    /// <summary>The settings in force: USD, 30 %, 10 minutes, UTC until a test saves others.</summary>
    protected CurrentSettings Settings { get; }

    public virtual async Task InitializeAsync()
    {
        await Store.SaveSupplierAsync(Samples.Luigis);
        await Store.SaveSupplierAsync(Samples.Napoli);
        await Store.SaveDriverAsync(Samples.Ana, "setup");
        await Store.SaveDriverAsync(Samples.Ben, "setup");
        await Live.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => Live.Suppliers().Count == 2 && Live.Drivers().Count == 2, "the read model has the directory");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Live.StopAsync(CancellationToken.None);
        Live.Dispose();

        // MudBlazor has services that are only IAsyncDisposable, so the context is disposed asynchronously.
        await DisposeAsync();
    }

    /// <summary>Signs in <paramref name="name"/> with one role, bound to a supplier or driver when given.</summary>
    protected void SignIn(string name, Role role, string? supplierId = null, string? driverId = null)
    {
        var claims = new List<Claim>();
        if (supplierId is not null)
        {
            claims.Add(new Claim(ConsoleRoles.SupplierIdClaim, supplierId));
        }

        if (driverId is not null)
        {
            claims.Add(new Claim(ConsoleRoles.DriverIdClaim, driverId));
        }

        AddAuthorization().SetAuthorized(name).SetRoles(ConsoleRoles.Name(role)).SetClaims([.. claims]);
    }

    /// <summary>Waits until the read model holds <paramref name="order"/> at its version, then lets a throttled re-render through.</summary>
    protected async Task SeenLiveAsync(Order order)
    {
        await Eventually.HoldsAsync(() => Live.Find(order.Id)?.Version >= order.Version, $"the read model shows {order.SupplierTrackingId} at version {order.Version}");
        Clock.Advance(TimeSpan.FromSeconds(1));
    }

    /// <summary>A Luigi's order walked by the people whose job each step is, up to <paramref name="status"/>.</summary>
    protected async Task<Order> OrderInStatusAsync(OrderStatus status, string item = "Margherita", decimal price = 12.50m)
    {
        var order = await Orders.CreateAsync(Marketplace.LuigisSupplier, new CreateOrder("luigis", [new OrderItem(item, 1, price)]));
        return await Marketplace.WalkAsync(Orders, order, status);
    }
}
