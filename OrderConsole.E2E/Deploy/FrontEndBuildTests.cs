using OrderConsole.E2E.Infrastructure;

namespace OrderConsole.E2E.Deploy;

/// <summary>
/// The front-end build step from a clean clone: a copy of the sources with no node_modules and no wwwroot/lib builds,
/// installs Leaflet from the lock file and copies its browser files into wwwroot/lib/leaflet, registered as static
/// web assets; a second build installs nothing again.
/// </summary>
public sealed class FrontEndBuildTests
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(8);
    private static readonly string[] s_skipped = ["bin", "obj", "node_modules", "TestResults", "data"];

    [Fact]
    public async Task A_clean_build_installs_leaflet_into_wwwroot_lib_and_a_second_build_does_not_install_again()
    {
        var clone = Directory.CreateTempSubdirectory("oc-frontend-");
        try
        {
            foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
            {
                File.Copy(Tool.InRepository(file), Path.Combine(clone.FullName, file));
            }

            CopySources(Tool.InRepository("OrderConsole"), Path.Combine(clone.FullName, "OrderConsole"));
            CopySources(Tool.InRepository("OrderConsole.Core"), Path.Combine(clone.FullName, "OrderConsole.Core"));
            var leaflet = Path.Combine(clone.FullName, "OrderConsole", "wwwroot", "lib", "leaflet");
            Assert.False(Directory.Exists(leaflet), "the copy already has wwwroot/lib/leaflet");

            var first = await BuildAsync(clone);

            Assert.True(first.ExitCode == 0, first.Output);
            Assert.Contains("npm ci", first.Output, StringComparison.Ordinal);
            Assert.StartsWith("/* @preserve\n * Leaflet 1.9.4", await File.ReadAllTextAsync(Path.Combine(leaflet, "leaflet.js")), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(leaflet, "leaflet.css")), "no leaflet.css");
            Assert.True(File.Exists(Path.Combine(leaflet, "images", "marker-icon.png")), "no images/marker-icon.png");
            var endpoints = await File.ReadAllTextAsync(Path.Combine(clone.FullName, "OrderConsole", "bin", "Release", "net10.0", "OrderConsole.staticwebassets.endpoints.json"));
            Assert.Contains("\"lib/leaflet/leaflet.js\"", endpoints, StringComparison.Ordinal);

            var second = await BuildAsync(clone);

            Assert.True(second.ExitCode == 0, second.Output);
            Assert.DoesNotContain("npm ci", second.Output, StringComparison.Ordinal);
        }
        finally
        {
            clone.Delete(recursive: true);
        }
    }

    private static Task<ToolResult> BuildAsync(DirectoryInfo clone) => Tool.RunAsync(
        "dotnet",
        ["build", Path.Combine(clone.FullName, "OrderConsole", "OrderConsole.csproj"), "-c", "Release", "-nologo", "-v", "normal", "--disable-build-servers"],
        timeout: s_buildTimeout);

    /// <summary>The project's sources as a clone has them: no build output, no installed packages, no copied bundles.</summary>
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (!s_skipped.Contains(name, StringComparer.Ordinal) && !directory.EndsWith(Path.Combine("wwwroot", "lib"), StringComparison.Ordinal))
            {
                CopySources(directory, Path.Combine(to, name));
            }
        }
    }
}
