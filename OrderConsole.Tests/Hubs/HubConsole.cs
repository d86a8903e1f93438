using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Users;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hubs;

/// <summary>The console hosted in-process on the embedded store with the demo users, plus the settings a test names.</summary>
public class HubConsoleBase(params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{

    /// <summary>Adds a user the demo does not have (a second customer, say) with the demo password.</summary>
    public async Task AddUserAsync(string userName, Role role)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var created = await users.CreateAsync(new ConsoleUser { UserName = userName, Roles = [role] }, SignedInClient.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(error => error.Description)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Enabled", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The hub console with the shipped hub settings.</summary>
public sealed class HubConsole() : HubConsoleBase();
