namespace OrderConsole.Core.Service;

/// <summary>What a customer gives when accepting an offer.</summary>
public sealed record CustomerDetails(string? Name, string? Phone, string? Address);
