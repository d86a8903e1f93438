using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>
/// The journal grows with every write; compaction rewrites it as the state it leads to plus what was written
/// meanwhile, so it shrinks and replays to the same store.
/// </summary>
public sealed class JournalCompactionTests : IDisposable
{
    /// <summary>A short feed, so a compaction has old events to leave out.</summary>
    private const int FeedCapacity = 100;

    private readonly JournalFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Compaction_keeps_everything_and_shrinks_the_file()
    {
        using var store = _folder.Open(feedCapacity: FeedCapacity);
        await WriteHistoryAsync(store, moves: 500);
        var before = await StoreState.OfAsync(store);
        var grown = store.Journal!.Length;

        var compacted = await store.Journal.CompactAsync();

        Assert.True(compacted < grown / 2, $"compaction left {compacted} of {grown} bytes");
        Assert.Equal(compacted, new FileInfo(_folder.JournalFile).Length);
        Assert.Equal(before, await StoreState.OfAsync(store));
        store.Dispose();
        using var reopened = _folder.Open(feedCapacity: FeedCapacity);
        Assert.Equal(before, await StoreState.OfAsync(reopened));
    }

    [Fact]
    public async Task Writes_made_while_the_journal_is_compacted_are_kept()
    {
        string before;
        using (var store = _folder.Open(feedCapacity: FeedCapacity))
        {
            await WriteHistoryAsync(store, moves: 200);
            var writing = Task.Run(async () =>
            {
                for (var i = 0; i < 300; i++)
                {
                    await store.Orders.ReportDriverPositionAsync(Samples.Ana.Id, 40 + (i / 1000.0), -74, Samples.At.AddSeconds(i), "driver");
                    await store.Orders.CreateAsync(Samples.NewOrder(), Samples.Luigis, "tester", $"during-{i}");
                }
            });
            await store.Journal!.CompactAsync();
            await writing;
            await store.Journal.CompactAsync();
            await store.Orders.SaveSupplierAsync(Samples.Napoli);
            before = await StoreState.OfAsync(store);
        }

        using var reopened = _folder.Open(feedCapacity: FeedCapacity);

        Assert.Equal(before, await StoreState.OfAsync(reopened));
        Assert.Equal(301, (await reopened.Orders.ListAsync(new() { Limit = 1000 })).Count);
    }

    [Fact]
    public async Task The_journal_compacts_itself_once_it_grows_past_the_threshold()
    {
        const long threshold = 64 * 1024;
        using (var store = _folder.Open(compactionThresholdBytes: threshold, feedCapacity: FeedCapacity))
        {
            await WriteHistoryAsync(store, moves: 1000);
            await Eventually.HoldsAsync(() => _folder.Log.Entries.Any(entry => entry.Message.Contains("compacted", StringComparison.Ordinal)), "the journal was compacted");
        }

        using var reopened = _folder.Open(feedCapacity: FeedCapacity);

        var ana = await reopened.Orders.GetDriverAsync(Samples.Ana.Id);
        Assert.Equal(Samples.At.AddSeconds(999), ana?.LocationUpdatedAt);
        Assert.Single(await reopened.Orders.ListAsync(new()));
    }

    /// <summary>A supplier, a driver, an order, and many position reports: a long journal for a small state.</summary>
    private static async Task WriteHistoryAsync(EmbeddedStore store, int moves)
    {
        await store.Orders.SaveSupplierAsync(Samples.Luigis);
        await store.Orders.SaveDriverAsync(Samples.Ana, "admin");
        await store.Orders.CreateAsync(Samples.NewOrder(), Samples.Luigis, "tester", "first");
        for (var i = 0; i < moves; i++)
        {
            await store.Orders.ReportDriverPositionAsync(Samples.Ana.Id, 40 + (i / 1000.0), -74, Samples.At.AddSeconds(i), "driver");
        }
    }
}
