using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>The OpenAPI document describes every endpoint with its responses, and Swagger UI shows it at <c>/docs</c>.</summary>
public sealed class OpenApiTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "post", "/api/auth/login" },
        { "post", "/api/orders" },
        { "get", "/api/orders" },
        { "get", "/api/orders/{id}" },
        { "post", "/api/orders/{id}/supplier-respond" },
        { "post", "/api/orders/{id}/customer-accept" },
        { "post", "/api/orders/{id}/dispatch" },
        { "post", "/api/orders/{id}/reassign" },
        { "post", "/api/orders/{id}/status" },
        { "get", "/api/orders/{id}/delivery" },
        { "get", "/api/orders/{id}/events" },
        { "get", "/api/state" },
        { "post", "/api/events/batch" },
        { "get", "/api/events/stream" },
        { "get", "/api/metrics" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_document_describes_the_endpoint_with_its_responses(string method, string path)
    {
        using var client = factory.CreateClient();

        var document = await (await client.GetAsync(ApiClient.Path("/openapi/v1.json"))).JsonAsync();
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.True(operation.GetProperty("responses").EnumerateObject().Any(), $"{method} {path} lists no responses");
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Swagger_ui_is_served_at_docs()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(ApiClient.Path("/docs/index.html"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
