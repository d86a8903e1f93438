using Microsoft.AspNetCore.Components.Server.Circuits;

namespace OrderConsole.Hosting;

/// <summary>
/// How many Blazor circuits (open consoles) this instance holds, for the dashboard's health panel.
/// <see cref="Changed"/> fires on every open and close; a component that listens must detach in its Dispose,
/// or this singleton keeps the component's circuit alive.
/// </summary>
public sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Raised after the count changes, on the thread of the circuit that opened or closed.</summary>
    public event Action? Changed;

    internal void Opened()
    {
        Interlocked.Increment(ref _count);
        Changed?.Invoke();
    }

    internal void Closed()
    {
        Interlocked.Decrement(ref _count);
        Changed?.Invoke();
    }
}

/// <summary>One per circuit: tells <see cref="OpenCircuits"/> when its circuit opens and closes (once each).</summary>
internal sealed class OpenCircuitsHandler(OpenCircuits circuits) : CircuitHandler
{
    private int _open;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _open, 1) == 0)
        {
            circuits.Opened();
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _open, 0) == 1)
        {
            circuits.Closed();
        }

        return Task.CompletedTask;
    }
}

/// <summary>Registers the open-circuit counter: a singleton count and a scoped handler per circuit.</summary>
public static class OpenCircuitsRegistration
{
    public static IServiceCollection AddOpenCircuits(this IServiceCollection services)
    {
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler, OpenCircuitsHandler>();
        return services;
    }
}
