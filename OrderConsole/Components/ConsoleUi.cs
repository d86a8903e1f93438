using MudBlazor.Services;
using OrderConsole.Components.Controls;

namespace OrderConsole.Components;

/// <summary>The services the console's pages need: MudBlazor's and the one command runner every page uses.</summary>
public static class ConsoleUi
{
    public static IServiceCollection AddConsoleUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new MoneyFormat(configuration["Display:Currency"]));
        services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddScoped<CommandRunner>();
        services.AddSingleton<RefusalWords>();
        return services;
    }
}
