using OrderConsole.Core.Settings;

namespace OrderConsole.Core.Live;

/// <summary>
/// The settings in force: as an admin last saved them (followed live through the feed), else the defaults from
/// configuration. Read it each time; it changes under you when someone saves.
/// </summary>
public sealed class CurrentSettings(LiveOrders live, ConsoleSettings defaults)
{
    /// <summary>What configuration gives, before any save.</summary>
    public ConsoleSettings Defaults => defaults;

    public ConsoleSettings Value => live.SavedSettings() ?? defaults;
}
