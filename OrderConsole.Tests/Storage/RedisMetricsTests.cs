using System.Diagnostics.Metrics;
using OrderConsole.Core.Observability;
using OrderConsole.Tests.Infrastructure;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>The Redis connection's series on the application meter keep their names, units and tags.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisMetricsTests(RedisServerFixture server)
{
    [Fact]
    public async Task Store_commands_record_their_round_trip_time_by_command_name_in_seconds()
    {
        var seen = new List<(double Seconds, string? Command, string? Unit)>();
        using var listener = Listen("redis.command.duration");
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.operation.name")
                {
                    lock (seen)
                    {
                        seen.Add((value, tag.Value as string, instrument.Unit));
                    }
                }
            }
        });
        listener.Start();
        await using var market = await RedisMarket.OpenNewAsync(server);

        var order = await market.CreateOrderAsync();
        await market.Store.GetAsync(order.Id);

        lock (seen)
        {
            Assert.Contains(seen, m => m is { Command: "HGET", Unit: "s" } && m.Seconds > 0);
            Assert.Contains(seen, m => m is { Command: "EVALSHA", Unit: "s" } && m.Seconds > 0);
        }
    }

    [Fact]
    public async Task The_connection_state_is_a_gauge_named_after_the_client()
    {
        var states = new List<(int Value, string? Name, string? State)>();
        using var listener = Listen("redis.connection.state");
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            string? name = null, state = null;
            foreach (var tag in tags)
            {
                name = tag.Key == "redis.connection.name" ? tag.Value as string : name;
                state = tag.Key == "redis.connection.state" ? tag.Value as string : state;
            }

            states.Add((value, name, state));
        });
        listener.Start();
        await using var redis = await server.ConnectAsync("name=gauge-check");

        listener.RecordObservableInstruments();

        Assert.Contains((1, "gauge-check", "connected"), states);
    }

    private static MeterListener Listen(string instrumentName) => new()
    {
        InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ConsoleMetrics.MeterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        },
    };
}
