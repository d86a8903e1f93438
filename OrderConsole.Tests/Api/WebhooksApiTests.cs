using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary><c>/api/webhooks</c>: admins subscribe, list and delete; bad input is refused naming the field and changes nothing.</summary>
public sealed class WebhooksApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task A_subscription_answers_201_with_its_id_is_listed_without_its_secret_and_can_be_deleted()
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");

        using var created = await admin.PostAsJsonAsync(ApiClient.Path("/api/webhooks"), new { url = "https://hooks.example.com/orders", event_types = new[] { "order.created", "order.delivered" }, secret = "a-long-enough-shared-secret" });
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetString()!;
        var listed = await (await admin.GetAsync(ApiClient.Path("/api/webhooks"))).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["order.created", "order.delivered"], body.GetProperty("event_types").EnumerateArray().Select(type => type.GetString()));
        Assert.False(body.TryGetProperty("secret", out _));
        Assert.Contains(listed.GetProperty("webhooks").EnumerateArray(), webhook => webhook.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(ApiClient.Path($"/api/webhooks/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(ApiClient.Path($"/api/webhooks/{id}"))).StatusCode);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com", "[\"*\"]", "a-long-enough-shared-secret", "url")]
    [InlineData("/relative", "[\"*\"]", "a-long-enough-shared-secret", "url")]
    [InlineData("https://hooks.example.com", "[\"order.teleported\"]", "a-long-enough-shared-secret", "event_types")]
    [InlineData("https://hooks.example.com", "[]", "a-long-enough-shared-secret", "event_types")]
    [InlineData("https://hooks.example.com", "[\"*\"]", "short", "secret")]
    public async Task A_bad_subscription_answers_400_naming_the_field_and_saves_nothing(string url, string eventTypes, string secret, string field)
    {
        using var admin = await ApiClient.AsAsync(factory, "admin");
        var before = (await (await admin.GetAsync(ApiClient.Path("/api/webhooks"))).JsonAsync()).GetProperty("webhooks").GetArrayLength();

        using var refused = await admin.PostAsJsonAsync(ApiClient.Path("/api/webhooks"), new { url, event_types = JsonSerializer.Deserialize<string[]>(eventTypes), secret });
        var problem = await refused.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, (await (await admin.GetAsync(ApiClient.Path("/api/webhooks"))).JsonAsync()).GetProperty("webhooks").GetArrayLength());
    }

    [Fact]
    public async Task Only_admins_manage_webhooks()
    {
        using var dispatcher = await ApiClient.AsAsync(factory, "dispatcher");

        using var refused = await dispatcher.PostAsJsonAsync(ApiClient.Path("/api/webhooks"), new { url = "https://hooks.example.com", event_types = new[] { "*" }, secret = "a-long-enough-shared-secret" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
