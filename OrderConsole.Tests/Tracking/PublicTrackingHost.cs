using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderConsole.Tests.Tracking;

/// <summary>The app as it runs by default, with a public rate limit no test reaches unless it means to.</summary>
public sealed class PublicTrackingHost : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Demo:Enabled", "true").UseSetting("RateLimits:Public:PermitLimit", "100000");
}

/// <summary>
/// The app with a public rate limit of two requests a minute per client address, where failed look-ups cost no
/// more than found ones: its tests are about the request limit itself.
/// </summary>
public sealed class TinyRateLimitHost : WebApplicationFactory<Program>
{
    public const int PermitLimit = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("RateLimits:Public:PermitLimit", "2");
        builder.UseSetting("RateLimits:Public:WindowSeconds", "60");
        builder.UseSetting("RateLimits:Public:FailureCost", "0");
    }
}
