using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Pages;

/// <summary>The admin's drivers: add and edit them, set their status, deactivate (offline, never dispatched) and activate them; the list is live.</summary>
public partial class AdminDrivers : LivePage
{
    private const string NameField = "name";
    private const string PhoneField = "phone";

    private IReadOnlyList<Driver> _drivers = [];
    private string? _editingId;
    private string? _name;
    private string? _phone;
    private string? _vehicle;
    private string _status = DriverRules.WireName(DriverStatus.Offline);

    [Inject] private DriverDirectory Directory { get; set; } = default!;

    protected override Role Desk => Role.Admin;

    protected override LiveFilter Filter => LiveFilter.Drivers;

    private Driver? Editing => _editingId is { } id ? _drivers.FirstOrDefault(driver => driver.Id == id) : null;

    protected override void Refresh() => _drivers = Live.Drivers();

    /// <summary>A driver's status in words; busy reads as the delivery it comes from.</summary>
    public static string StatusText(Driver driver) =>
        !driver.Active ? "deactivated"
        : driver.Status == DriverStatus.Busy ? "on a delivery"
        : DriverRules.Words(driver.Status);

    private void StartNew()
    {
        (_editingId, _name, _phone, _vehicle, _status) = (null, null, null, null, DriverRules.WireName(DriverStatus.Offline));
        Errors.Clear();
    }

    private void Edit(Driver driver)
    {
        (_editingId, _name, _phone, _vehicle) = (driver.Id, driver.Name, driver.Phone, driver.Vehicle);
        Errors.Clear();
    }

    private async Task SaveAsync()
    {
        var details = new DriverDetails(_name, _phone, _vehicle);
        var editing = _editingId;
        var status = DriverRules.ChosenStatuses.First(candidate => DriverRules.WireName(candidate) == _status);
        if (await RunAsync(
                editing is null ? $"Driver {_name?.Trim()} added" : $"Driver {_name?.Trim()} saved",
                () => editing is null ? Directory.CreateAsync(Actor, details, status) : Directory.UpdateAsync(Actor, editing, details)))
        {
            StartNew();
        }
    }

    private Task SetStatusAsync(Driver driver, DriverStatus status) =>
        RunAsync($"{driver.Name} is {DriverRules.Words(status)}", () => Directory.SetStatusAsync(Actor, driver.Id, status));

    private async Task DeactivateAsync(Driver driver)
    {
        if (await ConfirmAsync(
                $"Deactivate {driver.Name}? They go offline and are never offered for dispatch until activated again.", "Deactivate driver", "Yes, deactivate"))
        {
            await RunAsync($"{driver.Name} deactivated", () => Directory.SetActiveAsync(Actor, driver.Id, active: false));
        }
    }

    private Task ActivateAsync(Driver driver) =>
        RunAsync($"{driver.Name} is active again (offline until they go available)", () => Directory.SetActiveAsync(Actor, driver.Id, active: true));
}
