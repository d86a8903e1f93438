using Prometheus;

namespace OrderConsole.Observability;

/// <summary>
/// <c>/metrics</c> through prometheus-net: the app's registry served by <c>MapMetrics</c>, HTTP requests measured by
/// its middleware (<c>http_request_duration_seconds</c> and friends; the platform's HTTP meter is not exported too),
/// and access limited by <see cref="MetricsAccess"/>.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddSingleton<MetricsExport>();
        return services;
    }

    /// <summary>Measures every request (first in the pipeline, so it sees the final status) and guards <c>/metrics</c>.</summary>
    public static IApplicationBuilder UsePrometheusMetrics(this IApplicationBuilder app)
    {
        // Resolved now, before the app starts, so the listeners see everything from the start.
        var export = app.ApplicationServices.GetRequiredService<MetricsExport>();
        app.UseHttpMetrics(options => options.SetMetricFactory(Metrics.WithCustomRegistry(export.Registry)));
        return app.UseMiddleware<MetricsAccess>();
    }

    public static IEndpointRouteBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints)
    {
        var export = endpoints.ServiceProvider.GetRequiredService<MetricsExport>();
        endpoints.MapMetrics(settings => settings.Registry = export.Registry, Path)
            .WithMetadata(new MetricsAccess.MonitoringOnly())
            .ExcludeFromDescription();
        return endpoints;
    }
}
