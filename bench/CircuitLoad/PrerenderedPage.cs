using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CircuitLoad;

/// <summary>
/// What a prerendered interactive page hands its circuit: the root components' start markers
/// (<c>&lt;!--Blazor:{…}--&gt;</c> with a protected descriptor) and the persisted application state.
/// </summary>
internal sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> Markers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerPattern().Matches(html))
        {
            // End markers carry only the prerender id; only start markers have a descriptor.
            if (JsonNode.Parse(match.Groups["json"].Value) is JsonObject marker && marker.ContainsKey("descriptor")
                && marker["type"]?.GetValue<string>() == "server")
            {
                markers.Add(marker);
            }
        }

        if (markers.Count == 0)
        {
            throw new InvalidOperationException("the page has no interactive server components: is it prerendered, and is the session signed in?");
        }

        var state = StatePattern().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : string.Empty);
    }

    /// <summary>The <c>UpdateRootComponents</c> batch that adds every prerendered root component, as blazor.web.js sends it.</summary>
    public string AddOperations()
    {
        var operations = new JsonArray();
        for (var index = 0; index < Markers.Count; index++)
        {
            var marker = (JsonObject)Markers[index].DeepClone();
            marker["uniqueId"] = index;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = index + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(s_compact);
    }

    private static readonly JsonSerializerOptions s_compact = new() { WriteIndented = false };

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
