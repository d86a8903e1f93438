using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApiBench;
using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Core.Users;

namespace HubBench;

/// <summary>Adds the benchmark's drivers through the admin API and a driver user for each straight into the shared store.</summary>
internal static class DriverFleet
{
    public const string Password = "bench-driver-password";

    public static async Task<IReadOnlyList<(string DriverId, string UserName)>> AddAsync(Uri console, string redis, int count)
    {
        using var http = new HttpClient { BaseAddress = console };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "admin", ConsoleUnderTest.DemoPassword));
        await using var store = await RedisStoreConnection.ConnectAsync(redis);
        var accounts = new RedisUserAccounts(store, new RedisStoreOptions());
        var hasher = new PasswordHasher<ConsoleUser>();
        var fleet = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            using var created = await http.PostAsJsonAsync("/api/drivers", new { name = $"Bench Driver {i}", phone = $"+1 555 {i:0000}", vehicle = "bike", status = "available" });
            created.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            var driverId = body.RootElement.GetProperty("id").GetString()!;
            var user = new ConsoleUser { UserName = $"bench-driver-{i}", NormalizedUserName = $"BENCH-DRIVER-{i}", Roles = [Role.Driver], DriverId = driverId };
            user.PasswordHash = hasher.HashPassword(user, Password);
            if (!await accounts.CreateAsync(user))
            {
                throw new InvalidOperationException($"the user {user.UserName} exists already");
            }

            fleet.Add((driverId, user.UserName));
        }

        return fleet;
    }

    public static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }
}
