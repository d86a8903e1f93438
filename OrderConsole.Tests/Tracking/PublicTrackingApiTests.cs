using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Tracking;

/// <summary>
/// <c>GET /api/track/{tracking_id}</c>: anyone holding the tracking ID reads where the order is, and nothing personal
/// about anyone; <c>GET /api/track/supplier/{supplier_tracking_id}</c> answers the same view to staff who may see the order.
/// </summary>
public sealed class PublicTrackingApiTests(PublicTrackingHost host) : IClassFixture<PublicTrackingHost>
{
    private readonly TrackedOrders _orders = new(host);

    [Fact]
    public async Task The_tracking_id_answers_the_orders_status_stages_eta_and_driver()
    {
        var order = await _orders.InStatusAsync(OrderStatus.InTransit);

        var view = await GetViewAsync($"/api/track/{order.TrackingId}");

        Assert.Equal(order.TrackingId, view.GetProperty("tracking_id").GetString());
        Assert.Equal(order.SupplierTrackingId, view.GetProperty("supplier_tracking_id").GetString());
        Assert.Equal("in_transit", view.GetProperty("status").GetString());
        Assert.Equal("Luigi's Pizzeria", view.GetProperty("supplier_name").GetString());
        Assert.Equal("Margherita", view.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(66, view.GetProperty("progress_percentage").GetInt32());
        Assert.True(view.TryGetProperty("estimated_arrival", out _));
        Assert.Equal(TrackedOrders.DriverFirstName, view.GetProperty("driver_first_name").GetString());
        var stages = view.GetProperty("stage_times");
        foreach (var stage in new[] { "created_at", "supplier_responded_at", "customer_accepted_at", "preparing_at", "ready_at", "dispatched_at", "in_transit_at" })
        {
            Assert.True(stages.TryGetProperty(stage, out _), $"no {stage}");
        }

        Assert.False(stages.TryGetProperty("delivered_at", out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_supplier_tracking_id_answers_the_same_view_in_any_letter_case(bool lowerCase)
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        var code = lowerCase ? order.SupplierTrackingId.ToLowerInvariant() : order.SupplierTrackingId;

        var view = await GetViewAsync($"/api/track/supplier/{code}", await ApiClient.AsAsync(host, "supplier1"));

        Assert.Equal(order.TrackingId, view.GetProperty("tracking_id").GetString());
        Assert.Equal("preparing", view.GetProperty("status").GetString());
        Assert.Equal(0, view.GetProperty("progress_percentage").GetInt32());
    }

    [Theory]
    [InlineData(OrderStatus.Dispatched, 33)]
    [InlineData(OrderStatus.InTransit, 66)]
    [InlineData(OrderStatus.Delivered, 100)]
    public async Task Delivery_progress_is_a_third_per_delivery_step(OrderStatus status, int percentage)
    {
        var order = await _orders.InStatusAsync(status);

        var view = await GetViewAsync($"/api/track/{order.TrackingId}");

        Assert.Equal(percentage, view.GetProperty("progress_percentage").GetInt32());
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("12a45678")]
    public async Task A_malformed_tracking_id_answers_400_with_problem_details_saying_what_one_looks_like(string trackingId)
    {
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.GetAsync(new Uri($"/api/track/{trackingId}", UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("8 digits", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LUI123")]
    [InlineData("LUI-0")]
    [InlineData("-12")]
    public async Task A_malformed_supplier_tracking_id_answers_400_with_problem_details(string supplierTrackingId)
    {
        using var client = await ApiClient.AsAsync(host, "dispatcher");

        using var response = await client.GetAsync(new Uri($"/api/track/supplier/{supplierTrackingId}", UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("LUI-123", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/track/{0}")]
    [InlineData("/api/track/supplier/LUI-{0}")]
    public async Task An_unknown_code_answers_404_with_problem_details(string path)
    {
        using var client = await ApiClient.AsAsync(host, "dispatcher");
        var unknown = await UnusedTrackingIdAsync();

        using var response = await client.GetAsync(new Uri(string.Format(CultureInfo.InvariantCulture, path, unknown), UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(OrderStatus.CustomerAccepted)]
    [InlineData(OrderStatus.InTransit)]
    [InlineData(OrderStatus.Delivered)]
    public async Task The_public_tracking_answer_contains_no_personal_data(OrderStatus status)
    {
        var order = await _orders.InStatusAsync(status);
        using var client = SignedInClient.Anonymous(host);
        using var staff = await ApiClient.AsAsync(host, "dispatcher");

        var byTrackingId = await client.GetStringAsync(new Uri($"/api/track/{order.TrackingId}", UriKind.Relative));
        var bySupplierTrackingId = await staff.GetStringAsync(new Uri($"/api/track/supplier/{order.SupplierTrackingId}", UriKind.Relative));

        TrackedOrders.AssertNoPersonalData(byTrackingId, order);
        TrackedOrders.AssertNoPersonalData(bySupplierTrackingId, order);
    }

    [Fact]
    public async Task The_tracking_id_never_shows_the_drivers_position_even_in_transit()
    {
        var order = await _orders.InStatusAsync(OrderStatus.InTransit);

        var view = await GetViewAsync($"/api/track/{order.TrackingId}");

        // An 8-digit ID can be guessed; where a driver is goes only to the unguessable tracking link.
        Assert.Equal("in_transit", view.GetProperty("status").GetString());
        Assert.False(view.TryGetProperty("driver_position", out _));
    }

    [Fact]
    public async Task The_supplier_tracking_id_is_not_public()
    {
        var order = await _orders.InStatusAsync(OrderStatus.InTransit);
        using var client = SignedInClient.Anonymous(host);

        using var response = await client.GetAsync(new Uri($"/api/track/supplier/{order.SupplierTrackingId}", UriKind.Relative));
        var problem = await ProblemAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("sign in", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_cannot_read_another_suppliers_order_by_its_supplier_tracking_id()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Preparing);
        using var otherSupplier = await ApiClient.AsAsync(host, "supplier2");

        using var response = await otherSupplier.GetAsync(new Uri($"/api/track/supplier/{order.SupplierTrackingId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(OrderStatus.Ready)]
    [InlineData(OrderStatus.Dispatched)]
    [InlineData(OrderStatus.Delivered)]
    public async Task The_driver_position_is_not_shown_outside_transit(OrderStatus status)
    {
        var order = await _orders.InStatusAsync(status);

        var view = await GetViewAsync($"/api/track/{order.TrackingId}");

        Assert.False(view.TryGetProperty("driver_position", out _));
    }

    [Fact]
    public async Task A_reassignment_names_the_new_driver_by_first_name_only()
    {
        var order = await _orders.InStatusAsync(OrderStatus.Dispatched);
        await _orders.ReassignAsync(order, "Yuri Stavros");

        var view = await GetViewAsync($"/api/track/{order.TrackingId}");

        Assert.Equal("Yuri", view.GetProperty("driver_first_name").GetString());
        Assert.Equal("Now Yuri will deliver it", view.GetProperty("timeline").EnumerateArray().Last().GetProperty("description").GetString());
        Assert.DoesNotContain("Stavros", view.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetViewAsync(string path, HttpClient? caller = null)
    {
        using var client = caller ?? SignedInClient.Anonymous(host);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>An 8-digit number no order in the store has; also a sequence no supplier has reached.</summary>
    private async Task<string> UnusedTrackingIdAsync()
    {
        var store = host.Services.GetRequiredService<IOrderStore>();
        for (var candidate = 99_999_999; ; candidate--)
        {
            var code = candidate.ToString("D8", CultureInfo.InvariantCulture);
            if (await store.FindByTrackingIdAsync(code) is null)
            {
                return code;
            }
        }
    }
}
