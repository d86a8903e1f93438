using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using OrderConsole.Accounts;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.Files;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Users;

namespace OrderConsole.Hosting;

/// <summary>Registers the console's services: the store chosen by configuration, the order service, the live read model, demo data.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddOrderConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        var redis = configuration["Redis:ConnectionString"];
        var inMemory = string.IsNullOrWhiteSpace(redis);
        if (inMemory)
        {
            AddEmbeddedStore(services, configuration);
        }
        else
        {
            AddRedisStore(services, configuration, redis!);
        }

        // Demo data only where asked: the shipped settings say false, Development's say true.
        var demoEnabled = configuration.GetValue("Demo:Enabled", defaultValue: false);
        services.AddSingleton(new StoreDescription(
            inMemory, demoEnabled, configuration["InstanceName"] ?? Environment.MachineName, IsDurable: inMemory && EmbeddedStoreSettings.IsDurable(configuration)));
        services.AddSingleton(new DemoAccess(configuration["Demo:Password"] is { Length: > 0 } password ? password : DemoAccess.DefaultPassword));

        var defaultMarkup = SettingsDefaults.From(configuration).DefaultMarkupPercentage;
        services.AddSingleton(provider => new OrderService(provider.GetRequiredService<IOrderStore>(), provider.GetRequiredService<TimeProvider>(), defaultMarkup));
        services.AddSingleton<SupplierDirectory>();
        services.AddSingleton<ProofOfDelivery>();
        services.AddSingleton<DriverDirectory>();
        services.AddSingleton(configuration.GetSection("Live").Get<LiveOrdersOptions>() ?? new LiveOrdersOptions());
        if (demoEnabled)
        {
            services.AddHostedService<DemoSeeding>();
        }

        services.AddFirstAdmin();

        // Registered after the seeding so its snapshot includes the demo data.
        services.AddSingleton<LiveOrders>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveOrders>());

        services.AddFeedWorkers(configuration, embedded: inMemory);
        services.AddHealthChecks().AddCheck<StoreReadiness>("store", tags: [StoreReadiness.Tag]);
        services.AddConsoleAccounts();
        services.ConfigureHttpJsonOptions(json =>
        {
            WireJson.Configure(json.SerializerOptions);

            // The web defaults read "9.5" as a number; on our API a number is only ever a JSON number.
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        return services;
    }

    private static void AddEmbeddedStore(IServiceCollection services, IConfiguration configuration)
    {
        // Opened (and its journal replayed) when first asked for, so nothing reads it before its data is back.
        services.AddSingleton(provider => EmbeddedStore.Open(
            EmbeddedStoreSettings.From(configuration, provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<EmbeddedStore>>()));
        services.AddSingleton(provider => provider.GetRequiredService<EmbeddedStore>().Feed);
        services.AddSingleton(provider => provider.GetRequiredService<EmbeddedStore>().Orders);
        services.AddSingleton<IOrderStore>(provider => provider.GetRequiredService<InMemoryOrderStore>());
        services.AddSingleton<IOrderFeed>(provider => provider.GetRequiredService<InMemoryFeed>());
        services.AddKeyedSingleton<IOrderFeed>(FeedFollower.ReplayFeed, (provider, _) => provider.GetRequiredService<InMemoryFeed>());
        services.AddSingleton(provider => provider.GetRequiredService<EmbeddedStore>().Accounts);
        services.AddSingleton<IUserAccounts>(provider => provider.GetRequiredService<InMemoryUserAccounts>());
        services.AddSingleton<IKeyRingStore>(provider => provider.GetRequiredService<InMemoryUserAccounts>());
        services.AddOptions<KeyManagementOptions>()
            .Configure<IKeyRingStore>((options, keys) => options.XmlRepository = new StoreKeyRepository(keys));
        services.AddSingleton<IRequestFingerprints>(provider => provider.GetRequiredService<EmbeddedStore>().Fingerprints);
        services.AddSingleton<IProofStore>(provider =>
            ProofStoreSettings.Folder(configuration, provider.GetRequiredService<IHostEnvironment>().ContentRootPath) is { } folder
                ? new FolderProofStore(folder)
                : new InMemoryProofStore());
    }

    private static void AddRedisStore(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection("Redis").Get<RedisStoreOptions>() ?? new RedisStoreOptions();
        services.AddSingleton(options);

        // One multiplexer per process, connected at start-up: a console that cannot reach its store at all should not start.
        services.AddSingleton(provider => RedisStoreConnection
            .ConnectAsync(connectionString, provider.GetRequiredService<ILogger<RedisStoreConnection>>(), provider.GetRequiredService<IMeterFactory>())
            .GetAwaiter().GetResult());
        services.AddSingleton<IOrderStore, RedisOrderStore>();
        services.AddSingleton<RedisOrderFeed>();
        services.AddSingleton<IOrderFeed>(provider => provider.GetRequiredService<RedisOrderFeed>());

        // Event streams read with a reader of their own, so their replays never queue behind the read model's waits.
        services.AddKeyedSingleton<IOrderFeed>(FeedFollower.ReplayFeed, (provider, _) =>
            new RedisOrderFeed(provider.GetRequiredService<RedisStoreConnection>(), provider.GetRequiredService<RedisStoreOptions>()));
        services.AddSingleton<IUserAccounts, RedisUserAccounts>();
        services.AddSingleton<IRequestFingerprints, RedisRequestFingerprints>();
        services.AddSingleton<IProofStore>(provider => new RedisProofStore(
            provider.GetRequiredService<RedisStoreConnection>(), options, ProofStoreSettings.MaxTotalBytes(configuration)));

        // Data-protection keys in a Redis list beside the orders, so a cookie issued by one instance is read by all.
        // The framework asks for the database only when it first reads or writes a key, after the options below
        // have handed it the process's one connection.
        var keyRing = new KeyRingConnection();
        services.AddDataProtection().PersistKeysToStackExchangeRedis(() => keyRing.Database, new RedisKeys(options.KeyPrefix).DataProtectionKeys);
        services.AddOptions<KeyManagementOptions>().Configure<RedisStoreConnection>((_, redis) => keyRing.Connection = redis);
    }

    /// <summary>Hands the data-protection key repository the connection the container creates.</summary>
    private sealed class KeyRingConnection
    {
        public RedisStoreConnection? Connection { get; set; }

        public StackExchange.Redis.IDatabase Database =>
            (Connection ?? throw new InvalidOperationException("the Redis connection is not open yet")).Database;
    }
}
