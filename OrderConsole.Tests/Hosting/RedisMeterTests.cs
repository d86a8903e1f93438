using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Hosting;

/// <summary>On Redis, the connection's series come from the app's own meter factory, the one <c>/metrics</c> exports.</summary>
public sealed class RedisMeterTests(RedisConsoleFactory console) : IClassFixture<RedisConsoleFactory>
{
    [Fact]
    public async Task The_console_reports_its_Redis_connection_as_connected_on_its_own_meter()
    {
        using var client = console.Factory.CreateClient();
        await client.GetAsync("/healthz");
        var meters = console.Factory.Services.GetRequiredService<IMeterFactory>();
        var states = new List<(int Value, string? State)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == "redis.connection.state")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "redis.connection.state")
                {
                    states.Add((value, tag.Value as string));
                }
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains((1, "connected"), states);
    }
}
