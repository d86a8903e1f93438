using OrderConsole.Core.Demo;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Hosting;

/// <summary>Seeds demo data into an empty store at start-up, before the read model loads its snapshot.</summary>
internal sealed class DemoSeeding(IOrderStore store, OrderService orders, ILogger<DemoSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await DemoData.SeedIfEmptyAsync(store, orders, cancellationToken))
        {
            logger.LogInformation("Seeded demo data: {Suppliers} suppliers, {Drivers} drivers", DemoData.Suppliers.Count, DemoData.Drivers.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
