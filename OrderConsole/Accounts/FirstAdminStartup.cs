namespace OrderConsole.Accounts;

/// <summary>Runs <see cref="FirstAdminSetup.StartAsync"/> at start, after demo seeding (which may create the demo admin).</summary>
internal sealed class FirstAdminStartup(FirstAdminSetup setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => setup.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers the first-admin setup.</summary>
public static class FirstAdminServices
{
    public static IServiceCollection AddFirstAdmin(this IServiceCollection services)
    {
        services.AddSingleton(provider => FirstAdminOptions.From(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton<FirstAdminSetup>();
        services.AddHostedService<FirstAdminStartup>();
        return services;
    }
}
