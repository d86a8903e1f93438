using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OrderConsole.Hosting;

namespace OrderConsole.Components.Controls;

/// <summary>
/// A Leaflet map of <see cref="Markers"/> on the configured tiles (or a plain background without them). The page
/// hands it the markers it should show on every live refresh; the map moves, adds and removes markers in place by
/// id, so a driver's new position moves their marker instead of redrawing the map.
/// </summary>
public sealed partial class LiveMap : ComponentBase, IAsyncDisposable
{
    private ElementReference _canvas;
    private IJSObjectReference? _module;
    private IJSObjectReference? _map;
    private IReadOnlyList<MapMarker>? _drawn;
    private bool _disposed;
    private IReadOnlyList<MapMarkerKind>? _shownLegend;
    private (string, string) _shownWords;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Inject] private MapSettings Settings { get; set; } = default!;

    /// <summary>The map's accessible name, e.g. "Map of drivers and pickups".</summary>
    [Parameter, EditorRequired] public string Label { get; set; } = default!;

    [Parameter, EditorRequired] public IReadOnlyList<MapMarker> Markers { get; set; } = [];

    /// <summary>The kinds of marker this map can show, in the legend's order.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<MapMarkerKind> Legend { get; set; } = [];

    /// <summary>What the list says when nothing has a known position.</summary>
    [Parameter] public string EmptyText { get; set; } = "Nothing on the map yet: no position is known.";

    private IReadOnlyList<MapMarker>? _listed;
    private bool _changed = true;

    /// <summary>Its page re-renders on every change; the map and its list only when a marker (or a word) changed.</summary>
    protected override void OnParametersSet()
    {
        _changed = _listed is null || !_listed.SequenceEqual(Markers) || _shownLegend is null || !_shownLegend.SequenceEqual(Legend) || _shownWords != (Label, EmptyText);
        (_listed, _shownLegend, _shownWords) = (Markers, Legend, (Label, EmptyText));
    }

    protected override bool ShouldRender() => _changed;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Controls/LiveMap.razor.js");
                _map = await _module.InvokeAsync<IJSObjectReference>("create", _canvas, new { tileUrl = Settings.TileUrl, attribution = Settings.Attribution });
            }

            if (_module is not null && _map is not null && !_disposed && (_drawn is null || !_drawn.SequenceEqual(Markers)))
            {
                _drawn = Markers;
                await _module.InvokeVoidAsync("update", _map, Markers.Select(marker => new
                {
                    id = marker.Id,
                    kind = marker.KindName,
                    lat = marker.Latitude,
                    lng = marker.Longitude,
                    label = marker.Label,
                }));
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; there is no map left to draw on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_module is not null && _map is not null)
            {
                await _module.InvokeVoidAsync("dispose", _map);
            }

            if (_map is not null)
            {
                await _map.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser went away first and took the map with it.
        }
    }
}
