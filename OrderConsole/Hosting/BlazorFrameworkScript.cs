using Microsoft.Net.Http.Headers;

namespace OrderConsole.Hosting;

/// <summary>
/// Serves <c>_framework/blazor.web.js</c> from the copy build/BlazorFrameworkScript.targets embeds in this
/// assembly. When the build uses the official assets package instead, nothing is embedded and the
/// framework's own static asset serves the script.
/// </summary>
public static class BlazorFrameworkScript
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "_framework/blazor.web.js";

    /// <summary>The embedded script, or null when the build did not embed one.</summary>
    public static byte[]? Read()
    {
        using var stream = typeof(BlazorFrameworkScript).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static IEndpointRouteBuilder MapBlazorFrameworkScript(this IEndpointRouteBuilder endpoints)
    {
        if (Read() is not { } script)
        {
            return endpoints;
        }

        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(script))[..16]}\"");
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Bytes(script, "text/javascript", entityTag: etag);
        }).ExcludeFromDescription();
        return endpoints;
    }
}
