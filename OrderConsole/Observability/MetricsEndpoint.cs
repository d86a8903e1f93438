using System.Diagnostics.Metrics;
using System.Globalization;

namespace OrderConsole.Observability;

/// <summary>Registers the collector (started with the app, so nothing measured early is missed) and serves it at <c>/metrics</c>.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions());
        services.AddSingleton(provider => new MetricsCollector(provider.GetRequiredService<MetricsOptions>(), provider.GetRequiredService<IMeterFactory>()));
        return services;
    }

    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints)
    {
        var collector = endpoints.ServiceProvider.GetRequiredService<MetricsCollector>();
        endpoints.MapGet(Path, () =>
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            collector.WriteTo(text);
            return TypedResults.Text(text.ToString(), PrometheusTextWriter.ContentType);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
