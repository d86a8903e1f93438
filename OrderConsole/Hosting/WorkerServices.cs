using System.Diagnostics.Metrics;
using OrderConsole.Core.AutoDispatch;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Webhooks;
using OrderConsole.Core.Workers;

namespace OrderConsole.Hosting;

/// <summary>
/// Registers the feed workers' runner on the chosen store (section <c>Workers</c>). Workers are added elsewhere as
/// <see cref="IFeedWorker"/> singletons; the runner starts only with <c>Workers:Enabled</c> (the default).
/// </summary>
public static class WorkerServices
{
    /// <summary>The command-line switch that starts an instance running only the workers (same as <c>Workers:Only=true</c>).</summary>
    public const string WorkersOnlySwitch = "--workers-only";

    public static IServiceCollection AddFeedWorkers(this IServiceCollection services, IConfiguration configuration, bool embedded)
    {
        var options = configuration.GetSection("Workers").Get<FeedWorkerOptions>() ?? new FeedWorkerOptions();
        services.AddSingleton(options);
        services.AddSingleton<WorkerStatusBoard>();
        services.AddSingleton(provider => new WorkerMetrics(provider.GetRequiredService<WorkerStatusBoard>(), provider.GetRequiredService<IMeterFactory>()));
        if (embedded)
        {
            services.AddSingleton<IWorkerStreams>(provider => new InMemoryWorkerStreams(provider.GetRequiredService<InMemoryFeed>(), options));
            services.AddSingleton<IWebhookStore>(provider => provider.GetRequiredService<EmbeddedStore>().Webhooks);
        }
        else
        {
            services.AddSingleton<IWorkerStreams>(provider => new RedisWorkerStreams(
                provider.GetRequiredService<RedisStoreConnection>(), provider.GetRequiredService<RedisStoreOptions>(), options));
            services.AddSingleton<IWebhookStore, RedisWebhookStore>();
        }

        AddWebhooks(services, configuration);
        services.AddSingleton<IFeedWorker, AutoDispatchWorker>();
        services.AddSlaWatcher(configuration, runWorkers: options.Enabled || options.Only);
        if (options.Enabled || options.Only)
        {
            services.AddSingleton<FeedWorkerRunner>();
            services.AddHostedService(provider => provider.GetRequiredService<FeedWorkerRunner>());
            services.AddHostedService<WebhookRetries>();
        }
        else if (!embedded)
        {
            // The workers run on other instances: their groups are read here for the dashboard and metrics.
            services.AddSingleton<IWorkerGroups>(provider => new RedisWorkerGroups(
                provider.GetRequiredService<RedisStoreConnection>(), provider.GetRequiredService<RedisStoreOptions>()));
            services.AddHostedService<WorkerGroupsWatch>();
        }

        return services;
    }

    private static void AddWebhooks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions());
        services.AddHttpClient(WebhookWorker.WorkerName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton(provider =>
        {
            var clients = provider.GetRequiredService<IHttpClientFactory>();
            return new WebhookSender(
                () => clients.CreateClient(WebhookWorker.WorkerName),
                provider.GetRequiredService<IWebhookStore>(),
                provider.GetRequiredService<WebhookOptions>(),
                provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IFeedWorker, WebhookWorker>();
    }

    /// <summary>
    /// Takes the <c>--workers-only</c> switch out of the arguments (the configuration's command-line reader would read
    /// the next argument as its value) and says whether it was there.
    /// </summary>
    public static bool TakeWorkersOnlySwitch(ref string[] args)
    {
        var found = args.Contains(WorkersOnlySwitch, StringComparer.Ordinal);
        args = [.. args.Where(argument => argument != WorkersOnlySwitch)];
        return found;
    }

    /// <summary>True when this instance runs only the workers (<c>Workers:Only=true</c>).</summary>
    public static bool IsWorkersOnly(IConfiguration configuration) => configuration.GetValue("Workers:Only", defaultValue: false);
}
