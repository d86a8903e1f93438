using MudBlazor;

namespace OrderConsole.Components.Layout;

/// <summary>The console's one theme: colours for light and dark, and the system font stack (no web font is served).</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            AppbarBackground = "#1e2a5a",
            AppbarText = "#ffffff",
            Background = "#f5f6f8",
            Success = "#1b5e20",
            Error = "#b3261e",
            Warning = "#8a5a00",
            TextSecondary = "#5d6475",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8ff",
            AppbarBackground = "#141b3a",
            AppbarText = "#ffffff",
            Success = "#81c784",
            Error = "#ff8a80",
            Warning = "#ffcc80",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "system-ui", "sans-serif"] },
        },
    };
}
