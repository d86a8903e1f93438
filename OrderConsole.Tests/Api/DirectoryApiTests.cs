using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>/api/suppliers</c> and <c>/api/drivers</c>: who may do what, and refusals as problem details with a field.</summary>
public sealed class DirectoryApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task A_created_supplier_answers_201_with_its_id_and_is_listed_for_dispatchers()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/suppliers"), Supplier("Harbour Slice", "HAR"));
        var body = await created.JsonAsync();
        var listed = await (await dispatcher.GetAsync(ApiClient.Path("/api/suppliers"))).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("HAR", 40.7, 12.5m, true), (body.GetProperty("tracking_prefix").GetString(), body.GetProperty("pickup_latitude").GetDouble(),
            body.GetProperty("default_markup_percentage").GetDecimal(), body.GetProperty("active").GetBoolean()));
        Assert.Contains(listed.GetProperty("suppliers").EnumerateArray(), supplier => supplier.GetProperty("id").GetString() == body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_supplier_name_taken_in_other_letters_case_answers_409_naming_the_field()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var taken = await admin.PostAsJsonAsync(ApiClient.Path("/api/suppliers"), Supplier("LUIGI'S PIZZERIA", "LUX"));

        await AssertProblemAsync(taken, HttpStatusCode.Conflict, "name", "already exists");
    }

    [Fact]
    public async Task A_tracking_prefix_that_is_not_two_to_five_letters_answers_400_naming_the_field()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var refused = await admin.PostAsJsonAsync(ApiClient.Path("/api/suppliers"), Supplier("Digit Pizza", "P1"));

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "tracking_prefix", "2 to 5 letters");
    }

    [Fact]
    public async Task Only_an_admin_may_create_a_supplier()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var refused = await dispatcher.PostAsJsonAsync(ApiClient.Path("/api/suppliers"), Supplier("Dispatch Pizza", "DIS"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(
            (await (await dispatcher.GetAsync(ApiClient.Path("/api/suppliers"))).JsonAsync()).GetProperty("suppliers").EnumerateArray(),
            supplier => supplier.GetProperty("name").GetString() == "Dispatch Pizza");
    }

    [Fact]
    public async Task A_deactivated_supplier_takes_no_new_orders()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/suppliers"), Supplier("Closing Time", "CLO"));
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        using var deactivated = await admin.DeleteAsync(ApiClient.Path($"/api/suppliers/{id}"));
        using var order = await admin.PostAsJsonAsync(ApiClient.Path("/api/orders"), new { supplier_name = "Closing Time", pizza_name = "Margherita", supplier_price = 10.00 });

        Assert.False((await deactivated.JsonAsync()).GetProperty("active").GetBoolean());
        await AssertProblemAsync(order, HttpStatusCode.Conflict, "supplier_id", "deactivated");
    }

    [Fact]
    public async Task A_driver_created_without_a_status_is_offline_and_listed_with_status_and_position()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/drivers"), new { name = "Nora Night", phone = "+1 555 0177", vehicle = "van" });
        var body = await created.JsonAsync();
        var listed = (await (await dispatcher.GetAsync(ApiClient.Path("/api/drivers"))).JsonAsync()).GetProperty("drivers").EnumerateArray().ToList();

        Assert.Equal((HttpStatusCode.Created, "offline", "van"), (created.StatusCode, body.GetProperty("status").GetString(), body.GetProperty("vehicle").GetString()));
        Assert.Contains(listed, driver => driver.GetProperty("id").GetString() == body.GetProperty("id").GetString());
        Assert.All(listed, driver => Assert.All(new[] { "id", "name", "status" }, field => Assert.True(driver.TryGetProperty(field, out _), field)));
        Assert.Contains(listed, driver => driver.TryGetProperty("latitude", out _) && driver.TryGetProperty("longitude", out _));
    }

    [Fact]
    public async Task A_vehicle_outside_the_list_answers_400_naming_the_field()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var refused = await admin.PostAsJsonAsync(ApiClient.Path("/api/drivers"), new { name = "Rex Rocket", phone = "+1 555 0178", vehicle = "rocket" });

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "vehicle", "bike, scooter, car, van");
    }

    [Fact]
    public async Task A_dispatcher_may_change_a_drivers_status_but_may_not_add_a_driver()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");
        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/drivers"), new { name = "Sam Shift", vehicle = "car" });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        using var available = await dispatcher.PostAsync($"/api/drivers/{id}/status?status=available");
        using var refused = await dispatcher.PostAsJsonAsync(ApiClient.Path("/api/drivers"), new { name = "Not Hired", vehicle = "car" });

        Assert.Equal("available", (await available.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_driver_may_not_change_another_drivers_status()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        using var driver = await ApiClient.AsAsync(factory, "driver");
        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/drivers"), new { name = "Other Otto", vehicle = "bike" });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        using var refused = await driver.PostAsync($"/api/drivers/{id}/status?status=available");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Busy_is_not_a_status_a_person_can_set()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var refused = await dispatcher.PostAsync("/api/drivers/drv-ben/status?status=busy");

        await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "status", "available, on_break or offline");
    }

    [Fact]
    public async Task An_unknown_driver_answers_404()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var missing = await admin.PutAsJsonAsync(ApiClient.Path("/api/drivers/nobody"), new { name = "No Body", vehicle = "car" });

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static object Supplier(string name, string prefix) => new
    {
        name,
        tracking_prefix = prefix,
        pickup_address = "7 Pier Road",
        pickup_latitude = 40.7,
        pickup_longitude = -74.01,
        phone = "+1 555 0150",
        default_markup_percentage = 12.5,
    };

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field, string words)
    {
        var problem = await response.JsonAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(words, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
    }
}
