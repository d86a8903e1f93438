using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// <c>GET/PUT /api/settings</c>: admins only; configuration gives the settings until the first save, the saved ones
/// win afterwards, and a bad value is refused as problem details naming its field, changing nothing.
/// </summary>
public sealed class SettingsApiTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
        .UseSetting("Display:Currency", "CHF")
        .UseSetting("Display:TimeZone", "Europe/Zurich"));

    [Fact]
    public async Task Before_any_save_the_settings_come_from_configuration()
    {
        using var admin = await ApiClient.AsAsync(_factory, "admin");

        var settings = await (await admin.GetAsync(ApiClient.Path("/api/settings"))).JsonAsync();

        Assert.Equal("CHF", settings.GetProperty("currency").GetString());
        Assert.Equal("Europe/Zurich", settings.GetProperty("time_zone").GetString());
        Assert.Equal(30m, settings.GetProperty("default_markup_percentage").GetDecimal());
        Assert.False(settings.GetProperty("saved").GetBoolean());
    }

    [Fact]
    public async Task Saved_settings_win_over_configuration()
    {
        using var admin = await ApiClient.AsAsync(_factory, "admin");

        using var saved = await admin.PutAsJsonAsync(ApiClient.Path("/api/settings"), new
        {
            currency = "eur", default_markup_percentage = 25, late_threshold_minutes = 15, time_zone = "Europe/Rome",
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("EUR", (await saved.JsonAsync()).GetProperty("currency").GetString());
        await Eventually.HoldsAsync(async () => await SettingAsync(admin, "currency") == "EUR", "the saved currency is in force");
        var settings = await (await admin.GetAsync(ApiClient.Path("/api/settings"))).JsonAsync();
        Assert.Equal(("Europe/Rome", 25m, 15, true, "admin"), (
            settings.GetProperty("time_zone").GetString(), settings.GetProperty("default_markup_percentage").GetDecimal(),
            settings.GetProperty("late_threshold_minutes").GetInt32(), settings.GetProperty("saved").GetBoolean(), settings.GetProperty("updated_by").GetString()));
    }

    [Fact]
    public async Task A_field_left_out_keeps_its_value()
    {
        using var admin = await ApiClient.AsAsync(_factory, "admin");

        using var saved = await admin.PutAsJsonAsync(ApiClient.Path("/api/settings"), new { late_threshold_minutes = 20 });
        var settings = await saved.JsonAsync();

        Assert.Equal(("CHF", 20), (settings.GetProperty("currency").GetString(), settings.GetProperty("late_threshold_minutes").GetInt32()));
    }

    [Theory]
    [InlineData("currency", "\"XYZ\"", "not an ISO 4217 currency code")]
    [InlineData("default_markup_percentage", "501", "between 0 and 500")]
    [InlineData("late_threshold_minutes", "0", "between 1 and 1440 minutes")]
    [InlineData("time_zone", "\"Mars/Olympus\"", "not an IANA time zone id")]
    [InlineData("auto_dispatch_radius_km", "0", "between 0.1 and 100 km")]
    public async Task A_bad_value_is_refused_naming_its_field_and_nothing_changes(string field, string value, string words)
    {
        using var admin = await ApiClient.AsAsync(_factory, "admin");

        using var refused = await admin.PutAsync(
            ApiClient.Path("/api/settings"), new StringContent($"{{\"{field}\": {value}}}", System.Text.Encoding.UTF8, "application/json"));
        var problem = await refused.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(words, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await (await admin.GetAsync(ApiClient.Path("/api/settings"))).JsonAsync()).GetProperty("saved").GetBoolean());
    }

    [Theory]
    [InlineData("dispatcher")]
    [InlineData("supplier1")]
    public async Task Only_an_admin_may_read_or_change_the_settings(string user)
    {
        using var client = await ApiClient.AsAsync(_factory, user);

        using var read = await client.GetAsync(ApiClient.Path("/api/settings"));
        using var change = await client.PutAsJsonAsync(ApiClient.Path("/api/settings"), new { currency = "EUR" });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task An_order_that_names_no_markup_gets_the_saved_default_markup()
    {
        using var admin = await ApiClient.AsAsync(_factory, "admin");
        using var supplier = await ApiClient.AsAsync(_factory, "supplier1");
        using var saved = await admin.PutAsJsonAsync(ApiClient.Path("/api/settings"), new { default_markup_percentage = 12.5 });

        var id = await supplier.CreateOrderAsync();
        var order = await (await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();

        Assert.Equal(12.5m, order.GetProperty("markup_percentage").GetDecimal());
    }

    [Fact]
    public async Task Before_any_save_an_order_that_names_no_markup_gets_the_configured_default_markup()
    {
        using var configured = _factory.WithWebHostBuilder(host => host.UseSetting("Pricing:DefaultMarkupPercentage", "18"));
        using var supplier = await ApiClient.AsAsync(configured, "supplier1");

        var id = await supplier.CreateOrderAsync();
        var order = await (await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync();

        Assert.Equal(18m, order.GetProperty("markup_percentage").GetDecimal());
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<string?> SettingAsync(HttpClient client, string name) =>
        (await (await client.GetAsync(ApiClient.Path("/api/settings"))).JsonAsync()).GetProperty(name).GetString();
}
