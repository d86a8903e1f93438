using Microsoft.AspNetCore.Identity;
using OrderConsole.Core.Demo;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Users;

namespace OrderConsole.Hosting;

/// <summary>
/// Seeds demo data into an empty store at start-up, before the read model loads its snapshot, and makes sure
/// the demo users exist with the demo password.
/// </summary>
internal sealed class DemoSeeding(
    IOrderStore store, OrderService orders, IServiceScopeFactory scopes, DemoAccess access, IHostEnvironment environment, ILogger<DemoSeeding> logger)
    : IHostedService
{
    /// <summary>The demo users: name, role, and the supplier or driver they are bound to.</summary>
    public static IReadOnlyList<(string Name, Role Role, string? SupplierId, string? DriverId)> Users { get; } =
    [
        ("admin", Role.Admin, null, null),
        ("supplier1", Role.Supplier, "luigis", null),
        ("supplier2", Role.Supplier, "napoli", null),
        ("customer", Role.Customer, null, null),
        ("dispatcher", Role.Dispatcher, null, null),
        ("driver", Role.Driver, null, "drv-ana"),
    ];

    /// <summary>What the log says when demo mode would hand out the published demo password outside Development.</summary>
    public const string DefaultPasswordRefusal =
        "Demo mode is on (Demo:Enabled=true) outside Development with the published default demo password; " +
        "the console does not start like this. Set Demo:Password (Demo__Password) to a password of your own, or turn demo mode off.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Everyone knows the default password: outside a developer's machine it would open every demo account.
        if (!environment.IsDevelopment() && access.Password == DemoAccess.DefaultPassword)
        {
            logger.LogCritical(DefaultPasswordRefusal);
            throw new InvalidOperationException(DefaultPasswordRefusal);
        }

        if (await DemoData.SeedIfEmptyAsync(store, orders, cancellationToken))
        {
            logger.LogInformation("Seeded demo data: {Suppliers} suppliers, {Drivers} drivers", DemoData.Suppliers.Count, DemoData.Drivers.Count);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        foreach (var (name, role, supplierId, driverId) in Users)
        {
            if (await users.FindByNameAsync(name) is not null)
            {
                continue;
            }

            var created = await users.CreateAsync(new ConsoleUser { UserName = name, Roles = [role], SupplierId = supplierId, DriverId = driverId }, access.Password);
            if (!created.Succeeded && await users.FindByNameAsync(name) is null)
            {
                // Another instance may have created the same user a moment ago; anything else is a real problem.
                throw new InvalidOperationException($"demo user {name} could not be created: {string.Join("; ", created.Errors.Select(error => error.Description))}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
