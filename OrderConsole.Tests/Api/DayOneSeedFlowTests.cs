using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Accounts;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Security;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// Day one of a company without demo data, on an empty embedded store and on an empty Redis: the first admin adds
/// supplier "Pizza Palace" and driver "Mike Driver" over the API and the users who work for them, then the seed
/// document's own requests run as written, with bearer tokens.
/// </summary>
public sealed class DayOneSeedFlowTests
{
    private const string Password = "a-long-admin-password";
    private const string StaffPassword = "a-long-staff-password";

    [Fact]
    public async Task On_an_empty_embedded_store_the_seed_documents_requests_run_once_the_admin_has_added_the_directory()
    {
        await using var console = Console();

        await RunSeedFlowAsync(console);
    }

    [Fact]
    public async Task On_an_empty_redis_the_seed_documents_requests_run_once_the_admin_has_added_the_directory()
    {
        var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        try
        {
            await using var console = Console(("Redis:ConnectionString", redis.ConnectionString));

            await RunSeedFlowAsync(console);
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_supplier_user_naming_another_supplier_is_refused_without_a_word_about_other_suppliers()
    {
        await using var console = Console();
        using var admin = await ApiClient.AsAsync(console, "boss", Password);
        var palace = await CreatedIdAsync(admin, "/api/suppliers", PizzaPalace);
        await CreatedIdAsync(admin, "/api/suppliers", new { name = "Secret Sushi", tracking_prefix = "SUS" });
        await CreateUserAsync(console, "palace", new UserAccess([Role.Supplier], SupplierId: palace));
        using var supplier = await ApiClient.AsAsync(console, "palace", StaffPassword);

        using var other = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { supplier_name = "Secret Sushi", pizza_name = "Margherita", supplier_price = 10.00 });
        using var unknown = await supplier.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { supplier_name = "Nobody's Pizza", pizza_name = "Margherita", supplier_price = 10.00 });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { other.StatusCode, unknown.StatusCode });
        Assert.All(new[] { await other.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync() },
            body => Assert.DoesNotContain("Sushi", body, StringComparison.Ordinal));
    }

    private static object PizzaPalace => new
    {
        name = "Pizza Palace",
        tracking_prefix = "PIZ",
        pickup_address = "123 Main Street",
        pickup_latitude = 40.7128,
        pickup_longitude = -74.0060,
        phone = "+1 555 0100",
        default_markup_percentage = 30,
    };

    private static ConsoleHost Console(params (string Key, string Value)[] more) => new(
        "Production",
        [("Demo:Enabled", "false"), ("Admin:UserName", "boss"), ("Admin:Password", Password),
         ("Setup:CodeFile", Path.Combine(Path.GetTempPath(), "oc-day-one-" + Guid.NewGuid().ToString("N"), "setup-code.txt")), .. more]);

    private static async Task RunSeedFlowAsync(ConsoleHost console)
    {
        using var admin = await ApiClient.AsAsync(console, "boss", Password);
        var supplierId = await CreatedIdAsync(admin, "/api/suppliers", PizzaPalace);
        var driverId = await CreatedIdAsync(admin, "/api/drivers", new { name = "Mike Driver", phone = "+1 555 0123", vehicle = "scooter", status = "available" });
        await CreateUserAsync(console, "pizza-palace", new UserAccess([Role.Supplier], SupplierId: supplierId));
        await CreateUserAsync(console, "mike", new UserAccess([Role.Driver], DriverId: driverId));
        await CreateUserAsync(console, "customer-one", new UserAccess([Role.Customer]));
        await CreateUserAsync(console, "dispatcher-one", new UserAccess([Role.Dispatcher]));
        using var supplier = await ApiClient.AsAsync(console, "pizza-palace", StaffPassword);
        using var customer = await ApiClient.AsAsync(console, "customer-one", StaffPassword);
        using var dispatcher = await ApiClient.AsAsync(console, "dispatcher-one", StaffPassword);
        using var driver = await ApiClient.AsAsync(console, "mike", StaffPassword);

        using var created = await supplier.PostAsJsonAsync(
            ApiClient.Path("/api/orders"), new { supplier_name = "Pizza Palace", pizza_name = "Margherita", supplier_price = 10.00, markup_percentage = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await created.JsonAsync();
        var id = order.GetProperty("id").GetString();
        await StepAsync(supplier, $"/api/orders/{id}/supplier-respond?accept=true&notes=Ready%20in%2025%20minutes&estimated_time=25", "supplier_accepted");
        var accepted = await StepAsync(customer, $"/api/orders/{id}/customer-accept?customer_name=John%20Doe&delivery_address=456%20Oak%20Avenue&customer_phone=%2B1%20555%200199", "customer_accepted");
        await StepAsync(supplier, $"/api/orders/{id}/status?status=preparing", "preparing");
        await StepAsync(supplier, $"/api/orders/{id}/status?status=ready", "ready");
        var dispatched = await StepAsync(dispatcher, $"/api/orders/{id}/dispatch?driver_name=Mike%20Driver", "dispatched");
        var atDispatch = await GetAsync(dispatcher, $"/api/orders/{id}/delivery");
        await StepAsync(driver, $"/api/orders/{id}/status?status=in_transit", "in_transit");
        var inTransit = await GetAsync(dispatcher, $"/api/orders/{id}/delivery");
        await StepAsync(driver, $"/api/orders/{id}/status?status=delivered", "delivered");
        var delivery = await GetAsync(dispatcher, $"/api/orders/{id}/delivery");
        // /api/state lists orders from the console's live view, which follows the feed a moment after the write.
        var live = console.Services.GetRequiredService<LiveOrders>();
        await Eventually.HoldsAsync(() => live.Find(Guid.Parse(id!))?.Status == OrderStatus.Delivered, "the live view has the delivery");
        var state = await GetAsync(admin, "/api/state");

        Assert.Equal(("Pizza Palace", "PIZ-1", 10.00m), (order.GetProperty("supplier_name").GetString(), order.GetProperty("supplier_tracking_id").GetString(), order.GetProperty("supplier_price").GetDecimal()));
        Assert.Equal((13.00m, 30m), (accepted.GetProperty("customer_price").GetDecimal(), accepted.GetProperty("markup_percentage").GetDecimal()));
        Assert.Equal((driverId, "Mike Driver"), (dispatched.GetProperty("driver_id").GetString(), dispatched.GetProperty("driver_name").GetString()));
        Assert.Equal([33, 66, 100], new[] { atDispatch, inTransit, delivery }.Select(view => view.GetProperty("progress_percentage").GetInt32()));
        Assert.Equal(("delivered", "Mike Driver", "+1 555 0123"), (delivery.GetProperty("current_status").GetString(), delivery.GetProperty("driver_name").GetString(), delivery.GetProperty("driver_phone").GetString()));
        Assert.All(new[] { "dispatched_at", "in_transit_at", "delivered_at" }, stage => Assert.Equal(JsonValueKind.String, delivery.GetProperty("timeline").GetProperty(stage).ValueKind));
        var statistics = state.GetProperty("statistics");
        Assert.Equal((1L, 1L, 0L), (statistics.GetProperty("total_orders").GetInt64(), statistics.GetProperty("delivered").GetInt64(), statistics.GetProperty("pending_supplier").GetInt64()));
        Assert.Equal(0, state.GetProperty("active_drivers").GetArrayLength());
    }

    private static async Task<string> CreatedIdAsync(HttpClient admin, string path, object body)
    {
        using var response = await admin.PostAsJsonAsync(ApiClient.Path(path), body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>The first admin creates a user, as on the Users page.</summary>
    private static async Task CreateUserAsync(ConsoleHost console, string userName, UserAccess access)
    {
        using var scope = console.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ConsoleUser>>();
        var boss = await principals.CreateAsync((await users.FindByNameAsync("boss"))!);
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(boss, new NewUser(userName, StaffPassword, access));
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, string path, string expectedStatus)
    {
        using var response = await client.PostAsync(path);
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal(expectedStatus, body.GetProperty("status").GetString());
        return body;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(ApiClient.Path(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
