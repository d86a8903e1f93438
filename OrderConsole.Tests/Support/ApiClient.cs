using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderConsole.Tests.Support;

/// <summary>HTTP clients of the API signed in the way integrations sign in: a bearer token from <c>POST /api/auth/login</c>.</summary>
public static class ApiClient
{
    public static async Task<HttpClient> AsAsync(WebApplicationFactory<Program> factory, string userName, string password = SignedInClient.DemoPassword)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { username = userName, password });
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return client;
    }

    public static Uri Path(string path) => new(path, UriKind.Relative);

    /// <summary>The JSON body of a response, parsed.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path(path));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>Creates an order (for the signed-in supplier, or for <paramref name="supplierId"/>) and returns its id.</summary>
    public static async Task<string> CreateOrderAsync(this HttpClient supplier, string pizza = "Margherita", decimal price = 10m, string? supplierId = null)
    {
        using var response = await supplier.PostAsJsonAsync(Path("/api/orders"), new { supplier_id = supplierId, pizza_name = pizza, supplier_price = price });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
