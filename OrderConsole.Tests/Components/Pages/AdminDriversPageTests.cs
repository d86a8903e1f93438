using Bunit;
using MudBlazor;
using OrderConsole.Components.Pages;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Components.Pages;

/// <summary>The admin's Drivers page in bUnit: add a driver, refusals beside their fields, status changes, deactivation after a confirmation.</summary>
public sealed class AdminDriversPageTests : ConsoleTestContext
{
    [Fact]
    public async Task An_admin_adds_a_driver_who_starts_offline_and_is_listed()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminDrivers>();

        page.Type("Name", "Mike Driver");
        page.Type("Phone", "+1 555 0123");
        page.Field("Vehicle").Change("scooter");
        await page.ClickAsync("Create driver");

        await Eventually.HoldsAsync(() => Live.Drivers().Any(driver => driver.Name == "Mike Driver"), "the read model has the new driver");
        var mike = Live.Drivers().Single(driver => driver.Name == "Mike Driver");
        Assert.Equal((DriverStatus.Offline, "scooter", true), (mike.Status, mike.Vehicle, mike.Active));
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("offline", page.RowsWith("Mike Driver").Single().TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_driver_without_a_vehicle_is_refused_beside_the_vehicle_field()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminDrivers>();

        page.Type("Name", "Mike Driver");
        await page.ClickAsync("Create driver");

        Assert.Contains("bike, scooter, car, van", page.ErrorOf("Vehicle"), StringComparison.Ordinal);
        Assert.Equal(2, (await Store.ListDriversAsync()).Count);
    }

    [Fact]
    public async Task An_admin_sends_a_driver_on_break_from_the_edit_panel()
    {
        SignIn("boss", Role.Admin);
        var page = Render<AdminDrivers>();

        await page.ClickAsync("Edit Ben Okafor");
        await page.ClickAsync("Set Ben Okafor on break");

        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ben")?.Status == DriverStatus.OnBreak, "Ben is on break");
    }

    [Fact]
    public async Task Deactivating_a_driver_asks_first_and_takes_them_offline()
    {
        SignIn("boss", Role.Admin);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<AdminDrivers>();

        await page.ConfirmAsync(dialogs, "Deactivate Ana Lopez", "Yes, deactivate");

        await Eventually.HoldsAsync(() => Live.FindDriver("drv-ana") is { Active: false, Status: DriverStatus.Offline }, "Ana is deactivated and offline");
        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("deactivated", page.RowsWith("Ana Lopez").Single().TextContent, StringComparison.Ordinal));
    }
}
