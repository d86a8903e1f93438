using MudBlazor.Services;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Settings;

namespace OrderConsole.Components;

/// <summary>The services the console's pages need: MudBlazor's and the one command runner every page uses.</summary>
public static class ConsoleUi
{
    public static IServiceCollection AddConsoleUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new CurrentSettingsDefaults(Hosting.SettingsDefaults.From(configuration)));
        services.AddSingleton(provider => new CurrentSettings(provider.GetRequiredService<LiveOrders>(), provider.GetRequiredService<CurrentSettingsDefaults>().Settings));
        services.AddSingleton(provider => MoneyFormat.Following(() => provider.GetRequiredService<CurrentSettings>().Value.Currency));
        services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddScoped<CommandRunner>();
        services.AddSingleton<RefusalWords>();
        services.AddSingleton(Hosting.MapSettings.From(configuration));
        return services;
    }
}

/// <summary>The configured settings, registered under their own type so nothing mistakes them for the settings in force.</summary>
public sealed record CurrentSettingsDefaults(ConsoleSettings Settings);
