using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderConsole.Tests.Hosting;

/// <summary>
/// The Blazor framework script the pages load comes from the SDK's own .NET 10 framework assets: served as
/// JavaScript, and the one that reports reconnect states to the console's own reconnect display.
/// </summary>
public sealed class BlazorScriptTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_framework_script_is_served_as_javascript()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_framework_script_is_the_dotnet_10_one_that_reports_reconnect_states()
    {
        using var client = factory.CreateClient();

        var script = await client.GetStringAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        // .NET 10 added this event (and the circuit pause/resume it reports); an older script has neither.
        Assert.Contains("components-reconnect-state-changed", script, StringComparison.Ordinal);
        Assert.Contains("resumeCircuit", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reconnect_module_the_pages_load_is_served()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var module = System.Text.RegularExpressions.Regex.Match(page, "src=\"(?<src>[^\"]*ReconnectModal[^\"]*\\.js)\"").Groups["src"].Value;

        using var response = await client.GetAsync(new Uri("/" + module.TrimStart('/'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("components-reconnect-state-changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
