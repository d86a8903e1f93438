using Microsoft.Extensions.Configuration;
using OrderConsole.Hosting;
using OrderConsole.Tests.Security;

namespace OrderConsole.Tests.Hosting;

/// <summary>The maps' tile settings, and the one image host they add to the content security policy.</summary>
public sealed class MapSettingsTests
{
    [Fact]
    public void Without_a_tile_setting_the_maps_use_OpenStreetMap_with_its_attribution()
    {
        var map = MapSettings.From(Configuration());

        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", map.TileUrl);
        Assert.Equal("© OpenStreetMap contributors", map.Attribution);
        Assert.Equal("https://tile.openstreetmap.org", map.TileSource);
    }

    [Fact]
    public void An_empty_tile_url_draws_no_tiles_and_allows_no_image_host()
    {
        var map = MapSettings.From(Configuration(("Map:TileUrl", "")));

        Assert.False(map.HasTiles);
        Assert.Null(map.TileSource);
        Assert.Contains("img-src 'self' data:;", SecurityHeaders.PolicyFor(map), StringComparison.Ordinal);
    }

    [Fact]
    public void A_subdomain_template_allows_images_from_the_providers_subdomains()
    {
        var map = new MapSettings("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "Example tiles");

        Assert.Equal("https://*.tiles.example.org", map.TileSource);
    }

    [Fact]
    public void A_tile_server_on_another_port_is_allowed_with_that_port()
    {
        var map = new MapSettings("http://127.0.0.1:8089/tiles/{z}/{x}/{y}.png", "Local tiles");

        Assert.Equal("http://127.0.0.1:8089", map.TileSource);
    }

    [Fact]
    public void Tiles_from_the_consoles_own_origin_or_not_over_http_add_no_source()
    {
        Assert.Null(new MapSettings("/tiles/{z}/{x}/{y}.png", "Own tiles").TileSource);
        Assert.Null(new MapSettings("ftp://tiles.example.org/{z}/{x}/{y}.png", "Odd tiles").TileSource);
    }

    [Fact]
    public async Task The_served_policy_allows_images_from_the_configured_tile_host_and_nothing_else_from_it()
    {
        await using var host = new ConsoleHost("Development", ("Demo:Enabled", "true"), ("Map:TileUrl", "https://{s}.tiles.example.org/{z}/{x}/{y}.png"));
        using var client = host.CreateClient();

        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", policy, StringComparison.Ordinal);
        Assert.Single(policy.Split(';'), directive => directive.Contains("tiles.example.org", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value))).Build();
}
