using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderConsole.Core.Events;

/// <summary>
/// The one JSON shape of orders, drivers and events on every wire and in storage: snake_case names,
/// snake_case enum values (<c>in_transit</c>), nulls left out.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the wire conventions to <paramref name="options"/> (used for the HTTP API's options too).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"expected a {typeof(T).Name}, found null");

    private static JsonSerializerOptions Create()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
