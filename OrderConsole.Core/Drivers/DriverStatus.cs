namespace OrderConsole.Core.Drivers;

/// <summary>Whether a driver can take a delivery; wire names are snake_case (<c>on_break</c>).</summary>
public enum DriverStatus
{
    Offline,
    Available,
    Busy,
    OnBreak,
}
