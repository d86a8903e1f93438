using OrderConsole.E2E.Infrastructure;

namespace OrderConsole.E2E.Deploy;

/// <summary>
/// <c>dotnet publish</c> of this build carries the Blazor framework script from the SDK's own framework assets,
/// and the published console, started as an operator would start it in production, serves it.
/// </summary>
public sealed class PublishedOutputTests
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task The_published_console_carries_and_serves_the_framework_script()
    {
        var output = Directory.CreateTempSubdirectory("oc-publish-");
        try
        {
            // From this build (--no-build): the tests running beside this one keep their build output as it is.
            var configuration = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Tool.ConsoleAssembly)))!;
            var published = await Tool.RunAsync(
                "dotnet",
                ["publish", Tool.InRepository("OrderConsole/OrderConsole.csproj"), "-c", configuration, "--no-build", "-nologo", "-o", output.FullName],
                timeout: s_publishTimeout);
            Assert.True(published.ExitCode == 0, published.Output);
            Assert.True(File.Exists(Path.Combine(output.FullName, "wwwroot", "_framework", "blazor.web.js")), "the publish output has no wwwroot/_framework/blazor.web.js");

            await using var console = await ConsoleProcess.StartAsync(
                new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Demo__Enabled"] = "false" },
                assembly: Path.Combine(output.FullName, "OrderConsole.dll"));
            using var http = new HttpClient { BaseAddress = console.Address };
            using var response = await http.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

            Assert.True(response.IsSuccessStatusCode, $"GET /_framework/blazor.web.js answered {(int)response.StatusCode}");
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("components-reconnect-state-changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
