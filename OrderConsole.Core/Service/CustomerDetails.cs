namespace OrderConsole.Core.Service;

/// <summary>What a customer gives when accepting an offer; the delivery coordinates and the discount code are optional.</summary>
public sealed record CustomerDetails(string? Name, string? Phone, string? Address)
{
    public double? DeliveryLatitude { get; init; }
    public double? DeliveryLongitude { get; init; }
    public string? DiscountCode { get; init; }
}
