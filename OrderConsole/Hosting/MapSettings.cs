namespace OrderConsole.Hosting;

/// <summary>
/// Where the maps' background tiles come from (<c>Map:TileUrl</c>, a Leaflet URL template) and the credit the tile
/// provider asks for (<c>Map:Attribution</c>). An empty URL draws no tiles: the markers on a plain background, for
/// consoles that reach no tile server.
/// </summary>
public sealed record MapSettings(string TileUrl, string Attribution)
{
    public const string OpenStreetMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    public const string OpenStreetMapAttribution = "© OpenStreetMap contributors";

    /// <summary>The value tiles are drawn from when nothing is configured.</summary>
    public static MapSettings OpenStreetMap { get; } = new(OpenStreetMapTiles, OpenStreetMapAttribution);

    /// <summary>True when the map draws tiles; false for the plain background.</summary>
    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>
    /// The origin the tiles load from, as a content security policy source (<c>https://tile.example.org</c>, or
    /// <c>https://*.tile.example.org</c> for a <c>{s}</c> subdomain template); null for no tiles, tiles on this
    /// console's own origin (a relative URL), or a URL that is not http(s).
    /// </summary>
    public string? TileSource
    {
        get
        {
            if (!HasTiles || TileUrl.StartsWith('/'))
            {
                return null;
            }

            const string Subdomain = "subdomain-placeholder";
            if (!Uri.TryCreate(TileUrl.Trim().Replace("{s}", Subdomain, StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("https" or "http"))
            {
                return null;
            }

            var host = uri.Host.StartsWith(Subdomain + ".", StringComparison.Ordinal) ? "*" + uri.Host[Subdomain.Length..] : uri.Host;
            return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        }
    }

    /// <summary>The settings in <c>Map:*</c>; a missing URL means OpenStreetMap, an empty one no tiles.</summary>
    public static MapSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Map");
        var tileUrl = section["TileUrl"];
        if (tileUrl is null)
        {
            return new MapSettings(OpenStreetMapTiles, section["Attribution"] ?? OpenStreetMapAttribution);
        }

        return new MapSettings(tileUrl.Trim(), section["Attribution"]?.Trim() ?? string.Empty);
    }
}
