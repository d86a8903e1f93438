using OrderConsole.Hosting;

namespace OrderConsole.Tests.Hosting;

/// <summary>The dashboard's count of open circuits: one per circuit from open to close, and a signal on each change.</summary>
public sealed class OpenCircuitsTests
{
    [Fact]
    public async Task A_circuit_counts_from_when_it_opens_until_it_closes()
    {
        var circuits = new OpenCircuits();
        var first = new OpenCircuitsHandler(circuits);
        var second = new OpenCircuitsHandler(circuits);

        await first.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await second.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await first.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.Equal(1, circuits.Count);
    }

    [Fact]
    public async Task A_circuit_closed_twice_is_uncounted_once()
    {
        var circuits = new OpenCircuits();
        var handler = new OpenCircuitsHandler(circuits);

        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await handler.OnCircuitClosedAsync(null!, CancellationToken.None);
        await handler.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.Equal(0, circuits.Count);
    }

    [Fact]
    public async Task Listeners_hear_every_open_and_close()
    {
        var circuits = new OpenCircuits();
        var handler = new OpenCircuitsHandler(circuits);
        var changes = 0;
        circuits.Changed += () => changes++;

        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await handler.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.Equal(2, changes);
    }
}
