namespace OrderConsole.Hosting;

/// <summary>Which store this instance runs on, for the banner and health pages; an embedded store is durable when it has a data folder.</summary>
public sealed record StoreDescription(bool IsInMemory, bool DemoEnabled, string InstanceName, bool IsDurable = false);
