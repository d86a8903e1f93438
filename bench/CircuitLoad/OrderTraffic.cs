using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CircuitLoad;

/// <summary>One order change the circuits should show: the order's code number and when the store committed it.</summary>
internal sealed record OrderChange(int Sequence, string Code, DateTimeOffset CommittedAt);

/// <summary>
/// Changes orders over the public API at a steady rate, as integrations and other desks would, and keeps each
/// change's commit time (the order's <c>updated_at</c>). For the dispatch page an event is an order becoming ready
/// (that is when it appears there); everywhere else it is a new order.
/// </summary>
internal sealed class OrderTraffic(HttpClient supplier, HttpClient? customer)
{
    public static async Task<OrderTraffic> SignInAsync(Uri address, string password, bool toReady)
    {
        var supplier = await BearerAsync(address, "supplier1", password);
        var customer = toReady ? await BearerAsync(address, "customer", password) : null;
        return new OrderTraffic(supplier, customer);
    }

    /// <summary>Makes one change and returns it once the API answered.</summary>
    public async Task<OrderChange> ChangeOneAsync(int index, CancellationToken cancellationToken)
    {
        using var created = await supplier.PostAsJsonAsync("/api/orders", new { pizza_name = $"Load {index % 10}", supplier_price = 9 + (index % 5) }, cancellationToken);
        var order = await ReadAsync(created, cancellationToken);
        if (customer is not null)
        {
            var id = order.GetProperty("id").GetString();
            foreach (var (client, step) in new[]
            {
                (supplier, "supplier-respond?accept=true&estimated_time=30"),
                (customer, "customer-accept?customer_name=Load%20Customer&delivery_address=1%20Load%20Road"),
                (supplier, "status?status=preparing"),
                (supplier, "status?status=ready"),
            })
            {
                using var moved = await client.PostAsync(new Uri($"/api/orders/{id}/{step}", UriKind.Relative), null, cancellationToken);
                order = await ReadAsync(moved, cancellationToken);
            }
        }

        var code = order.GetProperty("supplier_tracking_id").GetString()!;
        var committed = order.GetProperty("updated_at").GetDateTimeOffset();
        return new OrderChange(int.Parse(code[(code.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture), code, committed);
    }

    /// <summary>
    /// Changes orders at <paramref name="perSecond"/> for <paramref name="duration"/>, each when it is due without waiting
    /// for the one before: a server slowed by its circuits still gets the rate asked for. The changes come back in the
    /// order they were committed.
    /// </summary>
    public async Task<IReadOnlyList<OrderChange>> RunAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var changes = new List<Task<OrderChange>>();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        for (var index = 0; interval * index < duration; index++)
        {
            var due = interval * index;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            changes.Add(ChangeOneAsync(index, cancellationToken));
        }

        return [.. (await Task.WhenAll(changes)).OrderBy(change => change.CommittedAt)];
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the API refused an order change: HTTP {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    private static async Task<HttpClient> BearerAsync(Uri address, string user, string password)
    {
        var client = new HttpClient { BaseAddress = address };
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return client;
    }
}
