using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ApiBench;

/// <summary>Loads orders through the public HTTP API, the way an integration would, and walks one to in transit for the delivery endpoint.</summary>
internal sealed class OrderLoader(Uri address)
{
    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = new HttpClient { BaseAddress = address };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password = ConsoleUnderTest.DemoPassword });
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>Creates <paramref name="count"/> orders with <paramref name="parallel"/> callers; every fifth is accepted by the supplier.</summary>
    public async Task<(string TrackingId, string OrderId)> LoadAsync(int count, int parallel)
    {
        using var supplier = await SignInAsync("supplier1");
        var created = 0;
        string? trackingId = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, cancellationToken) =>
        {
            using var response = await supplier.PostAsJsonAsync("/api/orders", new { pizza_name = $"Bench {index % 20}", supplier_price = 8 + (index % 7) }, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            trackingId ??= order.RootElement.GetProperty("tracking_id").GetString();
            if (index % 5 == 0)
            {
                var id = order.RootElement.GetProperty("id").GetString();
                using var accepted = await supplier.PostAsync(new Uri($"/api/orders/{id}/supplier-respond?accept=true&estimated_time=30", UriKind.Relative), null, cancellationToken);
                accepted.EnsureSuccessStatusCode();
            }

            Interlocked.Increment(ref created);
        });

        return (trackingId!, await OneInTransitAsync(supplier));
    }

    private async Task<string> OneInTransitAsync(HttpClient supplier)
    {
        using var customer = await SignInAsync("customer");
        using var dispatcher = await SignInAsync("dispatcher");
        using var response = await supplier.PostAsJsonAsync("/api/orders", new { pizza_name = "Bench delivery", supplier_price = 12 });
        using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = order.RootElement.GetProperty("id").GetString();
        var state = JsonDocument.Parse(await dispatcher.GetStringAsync("/api/state"));
        var driver = state.RootElement.GetProperty("drivers_on_shift").EnumerateArray()
            .First(candidate => candidate.GetProperty("status").GetString() == "available").GetProperty("id").GetString();
        foreach (var (client, step) in new[]
        {
            (supplier, "supplier-respond?accept=true&estimated_time=30"),
            (customer, "customer-accept?customer_name=Bench%20Customer&delivery_address=1%20Bench%20Road"),
            (supplier, "status?status=preparing"),
            (supplier, "status?status=ready"),
            (dispatcher, $"dispatch?driver_id={driver}"),
            (dispatcher, "status?status=in_transit"),
        })
        {
            using var moved = await client.PostAsync(new Uri($"/api/orders/{id}/{step}", UriKind.Relative), null);
            moved.EnsureSuccessStatusCode();
        }

        return id!;
    }
}
