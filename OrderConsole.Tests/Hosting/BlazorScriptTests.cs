using System.Net;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderConsole.Tests.Hosting;

/// <summary>
/// The Blazor framework script the pages load is served byte for byte as the official ASP.NET Core runtime
/// pack ships it. The test reads the pack's copy itself, from the assembly the build names in the
/// <c>BlazorScriptSourceAssembly</c> metadata of OrderConsole.dll.
/// </summary>
public sealed class BlazorScriptTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string ResourceName = "_framework/blazor.web.js";

    [Fact]
    public async Task The_framework_script_is_served_as_javascript()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_framework_script_is_the_runtime_packs_own_copy_byte_for_byte()
    {
        using var client = factory.CreateClient();
        var expected = ReadResourceFromSourceAssembly();

        var served = await client.GetByteArrayAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.True(expected.Length > 10_000, $"the runtime pack's script has only {expected.Length} bytes");
        Assert.Equal(expected.Length, served.Length);
        Assert.True(expected.AsSpan().SequenceEqual(served), "the served script differs from the runtime pack's");
    }

    private static byte[] ReadResourceFromSourceAssembly()
    {
        var path = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BlazorScriptSourceAssembly")?.Value;
        Assert.False(string.IsNullOrEmpty(path), "OrderConsole.dll does not name the assembly its Blazor script came from");
        Assert.True(File.Exists(path), $"the runtime pack assembly {path} is missing; run dotnet restore");

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != ResourceName)
            {
                continue;
            }

            // Embedded resources sit in the CLI resources section, each as a 4-byte little-endian length and its bytes.
            var resources = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            var reader = resources.GetReader(checked((int)resource.Offset), resources.Length - checked((int)resource.Offset));
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        Assert.Fail($"{path} embeds no {ResourceName}");
        return [];
    }
}
