namespace OrderConsole.Hosting;

/// <summary>Which store this instance runs on, for the banner and health pages.</summary>
public sealed record StoreDescription(bool IsInMemory, bool DemoEnabled, string InstanceName);
