using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderConsole.Tests.Support;

/// <summary>
/// The console hosted in-process on the embedded store with demo users, where cookies are checked against
/// the security stamp on a clock the test moves, so "their cookie stops working" is seen without waiting.
/// </summary>
public sealed class AccountsConsole : WebApplicationFactory<Program>
{
    public ShiftedClock StampClock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Demo:Enabled", "true")
            .ConfigureServices(services => services.Configure<SecurityStampValidatorOptions>(options => options.TimeProvider = StampClock));
}
