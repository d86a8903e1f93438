using Microsoft.Extensions.Configuration;
using OrderConsole.Observability;

namespace OrderConsole.Tests.Observability;

/// <summary>Which meters are listened to, and how configuration changes that.</summary>
public sealed class MetricsOptionsTests
{
    [Fact]
    public void Meters_named_in_configuration_are_added_to_the_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:Meters:0"] = "Microsoft.AspNetCore.Components.Lifecycle" })
            .Build();

        var options = configuration.GetSection("Metrics").Get<MetricsOptions>()!;

        Assert.True(options.Includes("Microsoft.AspNetCore.Components.Lifecycle"));
        Assert.True(options.Includes("OrderConsole"));
        Assert.True(options.Includes("System.Runtime"));
    }

    [Theory]
    [InlineData("System.Net.Http", true)]
    [InlineData("System.Net.NameResolution", true)]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel", true)]
    [InlineData("Microsoft.AspNetCore.Components.Server.Circuits", true)]
    [InlineData("Microsoft.AspNetCore.Components.Lifecycle", false)]
    [InlineData("Private.InternalDiagnostics.System.Net.Quic.MsQuic", false)]
    [InlineData("OrderConsole.Other", false)]
    public void The_default_meters_are_the_platform_ones_and_ours(string meter, bool included) =>
        Assert.Equal(included, new MetricsOptions().Includes(meter));
}
