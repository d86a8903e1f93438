namespace OrderConsole.Tracking;

/// <summary>Registers public tracking: the service behind the public API, the tracking page and its live stream.</summary>
public static class PublicTracking
{
    public static IServiceCollection AddPublicTracking(this IServiceCollection services) =>
        services.AddSingleton<OrderTracking>().AddSingleton<PublicTrafficGuard>();
}
