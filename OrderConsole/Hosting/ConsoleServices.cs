using OrderConsole.Core.Live;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;

namespace OrderConsole.Hosting;

/// <summary>Registers the console's services: the store chosen by configuration, the order service, the live read model, demo data.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddOrderConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        // The embedded store is the default; the Redis store arrives with Redis:ConnectionString.
        services.AddSingleton<InMemoryFeed>();
        services.AddSingleton<InMemoryOrderStore>();
        services.AddSingleton<IOrderStore>(provider => provider.GetRequiredService<InMemoryOrderStore>());
        services.AddSingleton<IOrderFeed>(provider => provider.GetRequiredService<InMemoryFeed>());

        var demoEnabled = configuration.GetValue("Demo:Enabled", defaultValue: true);
        services.AddSingleton(new StoreDescription(IsInMemory: true, demoEnabled, configuration["InstanceName"] ?? Environment.MachineName));

        services.AddSingleton<OrderService>();
        services.AddSingleton(configuration.GetSection("Live").Get<LiveOrdersOptions>() ?? new LiveOrdersOptions());
        if (demoEnabled)
        {
            services.AddHostedService<DemoSeeding>();
        }

        // Registered after the seeding so its snapshot includes the demo data.
        services.AddSingleton<LiveOrders>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveOrders>());
        return services;
    }
}
