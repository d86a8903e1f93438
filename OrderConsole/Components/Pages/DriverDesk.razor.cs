using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Pages;

/// <summary>The driver's desk, made for a phone: their deliveries, picking up and delivering, going on break or offline, and sharing where they are.</summary>
public partial class DriverDesk : LivePage
{
    /// <summary>Phones show a keyboard with a decimal point, without number spinners (the field is text, read by FormNumbers).</summary>
    private const MudBlazor.InputMode DecimalInput = MudBlazor.InputMode.@decimal;

    private IReadOnlyList<Order> _deliveries = [];
    private const string LatitudeField = "latitude";
    private const string LongitudeField = "longitude";

    private string? _latitude;
    private string? _longitude;

    /// <summary>The statuses a driver chooses from their phone, in the words of the buttons.</summary>
    private static readonly (DriverStatus Status, string Label)[] s_statusButtons =
        [(DriverStatus.Available, "Available"), (DriverStatus.OnBreak, "On break"), (DriverStatus.Offline, "Offline")];

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private DriverDirectory Directory { get; set; } = default!;

    protected override Role Desk => Role.Driver;

    protected override LiveFilter Filter =>
        LiveFilter.Orders(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit).Or(LiveFilter.Drivers);

    /// <summary>The signed-in driver, when the user is one (an admin sees every delivery instead).</summary>
    private Driver? Me => Actor.DriverId is { } id ? Live.Drivers().FirstOrDefault(driver => driver.Id == id) : null;

    protected override void Refresh() =>
        _deliveries = [.. Live.Orders(order => order.Status is OrderStatus.Dispatched or OrderStatus.InTransit && OrderAccess.CanSee(Actor, order))
            .OrderBy(order => order.DispatchedAt)];

    /// <summary>What the order's supplier asks a delivery to come with, from the live directory.</summary>
    private ProofRequirements ProofRequiredFor(Order order) =>
        Live.Suppliers().FirstOrDefault(supplier => supplier.Id == order.SupplierId)?.ProofRequired ?? ProofRequirements.None;

    private Task SetStatusAsync(DriverStatus status) =>
        RunAsync($"You are {DriverRules.Words(status)}", () => Directory.SetStatusAsync(Actor, Actor.DriverId!, status));

    private Task AdvanceAsync(Order order, OrderStatus to) =>
        RunAsync($"{order.SupplierTrackingId} is {to.ToDisplayName()}", () => Orders.AdvanceAsync(Actor, order.Id, to), order.Id);

    private Task SavePositionAsync()
    {
        Errors.Clear();
        var latitude = Coordinate(_latitude, LatitudeField, "Enter the latitude as a number, like 40.7128");
        var longitude = Coordinate(_longitude, LongitudeField, "Enter the longitude as a number, like -74.0060");
        return Errors.Any
            ? Task.CompletedTask
            : RunAsync("Position shared", () => Orders.ReportPositionAsync(Actor, Actor.DriverId!, latitude, longitude));
    }

    /// <summary>A typed coordinate; text that is not a number is an error beside its field (the range is the domain's to judge).</summary>
    private double? Coordinate(string? text, string field, string message)
    {
        if (FormNumbers.ParseCoordinate(text) is { } value)
        {
            return value;
        }

        Errors.Set(field, FormNumbers.IsBlank(text) ? $"Enter the {field}" : message);
        return null;
    }

    private async Task ShareLocationAsync()
    {
        Errors.Clear();
        try
        {
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/DriverDesk.razor.js");
            var position = await module.InvokeAsync<LocationAnswer>("currentPosition");
            if (position.Latitude is not { } latitude || position.Longitude is not { } longitude)
            {
                Errors.Set("geolocation", LocationProblem(position.Problem));
                return;
            }

            _latitude = latitude.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
            _longitude = longitude.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (JSException)
        {
            Errors.Set("geolocation", LocationProblem(null));
            return;
        }

        await SavePositionAsync();
    }

    /// <summary>Why the browser gave no position, in words a driver can act on; never a script's error text.</summary>
    private static string LocationProblem(string? problem) => problem switch
    {
        "denied" => "Location sharing is turned off for this site. Allow it in the browser's settings, or type the coordinates below.",
        "unsupported" => "This browser cannot share a location. Type the coordinates below.",
        "timeout" => "Finding your location took too long. Try again outdoors, or type the coordinates below.",
        _ => "Your location could not be found right now. Try again, or type the coordinates below.",
    };

    /// <summary>What DriverDesk.razor.js answers: a position, or the kind of problem that stopped it.</summary>
    internal sealed record LocationAnswer(double? Latitude, double? Longitude, string? Problem);
}
