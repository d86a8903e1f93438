using System.Text.Json;
using Microsoft.Playwright;
using OrderConsole.E2E.Infrastructure;
using OrderConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrderConsole.E2E;

/// <summary>
/// Day one of a company without demo data, in a real browser, on an empty embedded store and on an empty Redis: the
/// first admin adds supplier "Pizza Palace" and driver "Mike Driver" on their pages and the users who work for them
/// on the Users page; then the seed document's own requests run as written, with bearer tokens.
/// </summary>
public sealed class DayOneTests : IAsyncLifetime
{
    private const string AdminPassword = "e2e-day-one-admin-password";
    private const string StaffPassword = "e2e-day-one-staff-password";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "oc-e2e-day-one-" + Guid.NewGuid().ToString("N"));
    private RedisServerFixture? _redis;
    private ConsoleProcess? _console;
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        if (_console is not null)
        {
            await _console.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("redis")]
    public async Task The_admin_sets_up_the_directory_in_the_browser_and_the_seed_requests_then_run(string store)
    {
        var environment = new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "false",
            ["Admin__UserName"] = "boss",
            ["Admin__Password"] = AdminPassword,
            ["Storage__DataPath"] = _dataFolder,
        };
        if (store == "redis")
        {
            _redis = new RedisServerFixture();
            await _redis.InitializeAsync();
            environment["Redis__ConnectionString"] = _redis.ConnectionString;
        }

        _console = await ConsoleProcess.StartAsync(environment);
        await using var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await ConsoleSignIn.AsAsync(context, _console.Address, "boss", AdminPassword);
        IPage? page = null;
        try
        {
            page = await ConsoleFixture.OpenAsync(context, _console.Address, "/admin/suppliers");
            var supplierForm = page.GetByRole(AriaRole.Region, new() { Name = "New supplier" });
            await supplierForm.GetByLabel("Name", new() { Exact = true }).FillAsync("Pizza Palace");
            await supplierForm.GetByLabel("Tracking prefix").FillAsync("PIZ");
            await supplierForm.GetByLabel("Pickup address").FillAsync("123 Main Street");
            await supplierForm.GetByLabel("Pickup latitude").FillAsync("40.7128");
            await supplierForm.GetByLabel("Pickup longitude").FillAsync("-74.0060");
            await supplierForm.GetByLabel("Phone").FillAsync("+1 555 0100");
            await supplierForm.GetByLabel("Default markup (%)").FillAsync("30");
            await supplierForm.GetByRole(AriaRole.Button, new() { Name = "Create supplier" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Pizza Palace" })).ToContainTextAsync("PIZ");

            page = await ConsoleFixture.OpenAsync(context, _console.Address, "/admin/drivers");
            var driverForm = page.GetByRole(AriaRole.Region, new() { Name = "New driver" });
            await driverForm.GetByLabel("Name").FillAsync("Mike Driver");
            await driverForm.GetByLabel("Phone").FillAsync("+1 555 0123");
            await driverForm.GetByLabel("Vehicle").SelectOptionAsync("scooter");
            await driverForm.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "available" });
            await driverForm.GetByRole(AriaRole.Button, new() { Name = "Create driver" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mike Driver" })).ToContainTextAsync("available");

            page = await ConsoleFixture.OpenAsync(context, _console.Address, "/admin/users");
            await CreateUserAsync(page, "pizza-palace", "supplier", ("Bound to supplier", "Pizza Palace"));
            await CreateUserAsync(page, "mike", "driver", ("Bound to driver", "Mike Driver"));
            await CreateUserAsync(page, "customer-one", "customer");
            await CreateUserAsync(page, "dispatcher-one", "dispatcher");
        }
        catch
        {
            if (page is not null)
            {
                await ConsoleFixture.SaveScreenshotsAsync(($"failed-day-one-{store}", page));
            }

            throw;
        }

        try
        {
            await RunSeedRequestsAsync(_console.Address);
        }
        catch (Exception failure)
        {
            throw new InvalidOperationException("the seed requests failed; the console logged:\n" + string.Join('\n', _console.Output.Split('\n').TakeLast(40)), failure);
        }
    }

    private static async Task CreateUserAsync(IPage page, string name, string role, (string Label, string Option)? binding = null)
    {
        var form = page.GetByRole(AriaRole.Region, new() { Name = "New user" });
        await form.GetByLabel("User name").FillAsync(name);
        await form.GetByLabel("Initial password").FillAsync(StaffPassword);
        await form.GetByLabel(role, new() { Exact = true }).CheckAsync();
        if (binding is { } bound)
        {
            await form.GetByLabel(bound.Label).SelectOptionAsync(new SelectOptionValue { Label = bound.Option });
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync(role);
    }

    /// <summary>The seed document's requests, each by the role whose step it is.</summary>
    private static async Task RunSeedRequestsAsync(Uri address)
    {
        using var supplier = await ConsoleApi.SignInAsync(address, "pizza-palace", StaffPassword);
        using var customer = await ConsoleApi.SignInAsync(address, "customer-one", StaffPassword);
        using var dispatcher = await ConsoleApi.SignInAsync(address, "dispatcher-one", StaffPassword);
        using var driver = await ConsoleApi.SignInAsync(address, "mike", StaffPassword);

        var order = await supplier.PostAsync("/api/orders", new { supplier_name = "Pizza Palace", pizza_name = "Margherita", supplier_price = 10.00, markup_percentage = 30 });
        var id = order.GetProperty("id").GetString();
        await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&notes=Ready%20in%2025%20minutes&estimated_time=25");
        var accepted = await customer.PostAsync($"/api/orders/{id}/customer-accept?customer_name=John%20Doe&delivery_address=456%20Oak%20Avenue&customer_phone=%2B1%20555%200199");
        await supplier.PostAsync($"/api/orders/{id}/status?status=preparing");
        await supplier.PostAsync($"/api/orders/{id}/status?status=ready");
        await dispatcher.PostAsync($"/api/orders/{id}/dispatch?driver_name=Mike%20Driver");
        var atDispatch = await dispatcher.GetAsync($"/api/orders/{id}/delivery");
        await driver.PostAsync($"/api/orders/{id}/status?status=in_transit");
        var inTransit = await dispatcher.GetAsync($"/api/orders/{id}/delivery");
        await driver.PostAsync($"/api/orders/{id}/status?status=delivered");
        var delivery = await dispatcher.GetAsync($"/api/orders/{id}/delivery");
        var state = await dispatcher.GetAsync("/api/state");

        Assert.Equal("PIZ-1", order.GetProperty("supplier_tracking_id").GetString());
        Assert.Equal(13.00m, accepted.GetProperty("customer_price").GetDecimal());
        Assert.Equal([33, 66, 100], new[] { atDispatch, inTransit, delivery }.Select(view => view.GetProperty("progress_percentage").GetInt32()));
        Assert.Equal(("Mike Driver", "+1 555 0123"), (delivery.GetProperty("driver_name").GetString(), delivery.GetProperty("driver_phone").GetString()));
        Assert.Equal(JsonValueKind.String, delivery.GetProperty("timeline").GetProperty("delivered_at").ValueKind);
        Assert.Equal((1L, 1L), (state.GetProperty("statistics").GetProperty("total_orders").GetInt64(), state.GetProperty("statistics").GetProperty("delivered").GetInt64()));
    }
}
