using System.Net;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hubs;

/// <summary>Moving orders through the API the way the desks do, for the hub tests.</summary>
internal static class OrderSteps
{
    public static async Task ExpectAsync(HttpClient client, string path, string status)
    {
        using var response = await client.PostAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {body}");
        Assert.Contains($"\"status\":\"{status}\"", body, StringComparison.Ordinal);
    }

    /// <summary>A new order of the signed-in supplier, accepted by both sides, prepared and ready for a driver.</summary>
    public static async Task<string> ReadyOrderAsync(HttpClient supplier, HttpClient customer)
    {
        var id = await supplier.CreateOrderAsync("Margherita", 10m);
        await ExpectAsync(supplier, $"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", "supplier_accepted");
        await ExpectAsync(customer, $"/api/orders/{id}/customer-accept?customer_name=Mia&delivery_address=1%20Main%20St", "customer_accepted");
        await ExpectAsync(supplier, $"/api/orders/{id}/status?status=preparing", "preparing");
        await ExpectAsync(supplier, $"/api/orders/{id}/status?status=ready", "ready");
        return id;
    }

    /// <summary>Delivers whatever order the demo data left on <paramref name="driverId"/>, so the driver is available.</summary>
    public static async Task FreeDriverAsync(HttpClient dispatcher, string driverId)
    {
        using var response = await dispatcher.GetAsync(ApiClient.Path($"/api/drivers/{driverId}"));
        var driver = await response.JsonAsync();
        if (driver.TryGetProperty("order_id", out var orderId))
        {
            using var order = await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{orderId.GetString()}"));
            if ((await order.JsonAsync()).GetProperty("status").GetString() == "dispatched")
            {
                await ExpectAsync(dispatcher, $"/api/orders/{orderId.GetString()}/status?status=in_transit", "in_transit");
            }

            await ExpectAsync(dispatcher, $"/api/orders/{orderId.GetString()}/status?status=delivered", "delivered");
        }
    }

    public static async Task<(double Latitude, double Longitude)> StoredPositionAsync(HttpClient dispatcher, string driverId)
    {
        using var response = await dispatcher.GetAsync(ApiClient.Path($"/api/drivers/{driverId}"));
        var driver = await response.JsonAsync();
        return (driver.GetProperty("latitude").GetDouble(), driver.GetProperty("longitude").GetDouble());
    }
}
