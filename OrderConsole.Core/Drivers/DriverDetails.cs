namespace OrderConsole.Core.Drivers;

/// <summary>What an admin gives for a new or edited driver, as typed: checked by <see cref="DriverRules"/>.</summary>
public sealed record DriverDetails(string? Name, string? Phone, string? Vehicle, bool? Active = null);
