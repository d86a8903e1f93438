using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.Redis;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Proof;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Api;

/// <summary>
/// On Redis, with proof storage capped at about a kilobyte, a delivery whose photo would pass the cap is refused with
/// 507, the order stays in transit and no image is kept.
/// </summary>
public sealed class ProofStorageFullApiTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private WebApplicationFactory<Program> _factory = default!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Redis:ConnectionString", _redis.ConnectionString)
            .UseSetting("Demo:Enabled", "true")
            .UseSetting("Proof:MaxTotalMB", "0.001"));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_delivery_whose_images_do_not_fit_is_refused_with_507_and_nothing_is_stored()
    {
        using var driver = await ApiClient.AsAsync(_factory, "driver");
        using var dispatcher = await ApiClient.AsAsync(_factory, "dispatcher");
        var id = await ProofApiTests.InTransitWithAnaAsync(_factory, dispatcher);

        using var refused = await driver.PostAsync(ApiClient.Path($"/api/orders/{id}/deliver"), ProofApiTests.Proof("Jane", TestImages.Jpeg(800, 600), "photo.jpg"));

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("Proof storage is full", problem.GetProperty("title").GetString());
        Assert.Equal("photo", problem.GetProperty("field").GetString());
        Assert.Equal("in_transit", (await (await dispatcher.GetAsync(ApiClient.Path($"/api/orders/{id}"))).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, await ((RedisProofStore)_factory.Services.GetRequiredService<IProofStore>()).TotalBytesAsync());
    }
}
