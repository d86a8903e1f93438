using System.Diagnostics.Metrics;
using OrderConsole.Core.Sla;

namespace OrderConsole.Hosting;

/// <summary>Registers the SLA watcher (section <c>Sla</c>); it runs where the feed workers run, unless <c>Sla:Enabled=false</c>.</summary>
public static class SlaServices
{
    public static IServiceCollection AddSlaWatcher(this IServiceCollection services, IConfiguration configuration, bool runWorkers)
    {
        var options = configuration.GetSection("Sla").Get<SlaOptions>() ?? new SlaOptions();
        services.AddSingleton(options);
        services.AddSingleton(provider => new SlaMetrics(provider.GetRequiredService<IMeterFactory>()));
        if (runWorkers && options.Enabled)
        {
            services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SlaWatcher>(provider, SettingsDefaults.From(configuration)));
            services.AddHostedService(provider => provider.GetRequiredService<SlaWatcher>());
        }

        return services;
    }
}
