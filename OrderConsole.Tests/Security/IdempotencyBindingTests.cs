using System.Net;
using System.Net.Http.Json;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Security;

/// <summary>
/// An <c>Idempotency-Key</c> belongs to the request it first came with (caller, endpoint, query and body), and a
/// batch's <c>correlation_id</c> to its events: reused for anything else they answer 422 and change nothing.
/// </summary>
public sealed class IdempotencyBindingTests(RequestForgeryTests.DemoConsole console) : IClassFixture<RequestForgeryTests.DemoConsole>
{
    [Fact]
    public async Task A_key_reused_on_another_endpoint_answers_422_and_changes_nothing()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");
        var id = await supplier.CreateOrderAsync();
        var key = Guid.NewGuid().ToString();
        using var accepted = await supplier.PostAsync($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", key);

        using var reused = await supplier.PostAsync($"/api/orders/{id}/status?status=preparing", key);
        var history = await (await supplier.GetAsync(ApiClient.Path($"/api/orders/{id}/events"))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("used before with another request", (await reused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, history.GetArrayLength());
    }

    [Fact]
    public async Task A_key_reused_with_another_body_answers_422_and_creates_nothing()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");
        var key = Guid.NewGuid().ToString();
        using var first = await CreateAsync(supplier, key, "Margherita");

        using var reused = await CreateAsync(supplier, key, "Diavola");
        var problem = await reused.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_key_repeated_with_the_very_same_request_answers_the_first_result()
    {
        using var supplier = await ApiClient.AsAsync(console, "supplier1");
        var key = Guid.NewGuid().ToString();
        using var first = await CreateAsync(supplier, key, "Margherita");

        using var repeat = await CreateAsync(supplier, key, "Margherita");

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetString(), (await repeat.JsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task One_callers_key_is_not_bound_by_another_callers_use_of_it()
    {
        using var luigis = await ApiClient.AsAsync(console, "supplier1");
        using var napoli = await ApiClient.AsAsync(console, "supplier2");
        var key = Guid.NewGuid().ToString();
        using var first = await CreateAsync(luigis, key, "Margherita");

        using var other = await CreateAsync(napoli, key, "Marinara");

        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task A_batch_correlation_id_reused_with_other_events_answers_422_and_applies_nothing()
    {
        using var admin = await ApiClient.AsAsync(console, "admin");
        var first = await admin.CreateOrderAsync(supplierId: "luigis");
        var second = await admin.CreateOrderAsync(supplierId: "luigis");
        var correlation = Guid.NewGuid().ToString();
        using var applied = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), Batch(correlation, first));

        using var reused = await admin.PostAsJsonAsync(ApiClient.Path("/api/events/batch"), Batch(correlation, second));
        var untouched = await (await admin.GetAsync(ApiClient.Path($"/api/orders/{second}"))).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("correlation_id", (await reused.JsonAsync()).GetProperty("field").GetString());
        Assert.Equal("pending_supplier", untouched.GetProperty("status").GetString());
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient supplier, string key, string pizza)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiClient.Path("/api/orders")) { Content = JsonContent.Create(new { pizza_name = pizza, supplier_price = 10m }) };
        request.Headers.Add("Idempotency-Key", key);
        return supplier.SendAsync(request);
    }

    private static object Batch(string correlation, string orderId) => new
    {
        correlation_id = correlation,
        events = new[] { new { event_type = "order.supplier_accepted", order_id = orderId, data = new Dictionary<string, object> { ["estimated_time"] = 30 } } },
    };
}
