using Microsoft.Extensions.Logging;
using OrderConsole.Core.Storage.Journal;

namespace OrderConsole.Core.Storage.InMemory;

/// <summary>
/// The embedded store's parts (orders and their feed, users and keys, request fingerprints) over one journal,
/// replayed before anything reads them; or, with no data folder, volatile parts that live as long as the process.
/// </summary>
public sealed class EmbeddedStore : IDisposable
{
    public const int DefaultFeedCapacity = 10_000;

    private EmbeddedStore(TimeProvider clock, StoreJournal? journal, int feedCapacity)
    {
        Journal = journal;
        Feed = new InMemoryFeed(feedCapacity);
        Orders = new InMemoryOrderStore(clock, Feed, journal);
        Accounts = new InMemoryUserAccounts(journal);
        Fingerprints = new InMemoryRequestFingerprints(journal);
        Webhooks = new InMemoryWebhookStore(journal);
    }

    public InMemoryFeed Feed { get; }

    public InMemoryOrderStore Orders { get; }

    public InMemoryUserAccounts Accounts { get; }

    public InMemoryRequestFingerprints Fingerprints { get; }

    public InMemoryWebhookStore Webhooks { get; }

    /// <summary>The journal, or null in the volatile mode.</summary>
    public StoreJournal? Journal { get; }

    /// <summary>
    /// Opens the store: with a data folder, takes it and replays its journal (which may take a moment); otherwise
    /// volatile. The feed keeps the newest <paramref name="feedCapacity"/> events (and so does a compacted journal).
    /// </summary>
    public static EmbeddedStore Open(JournalOptions options, TimeProvider clock, ILogger logger, int feedCapacity = DefaultFeedCapacity)
    {
        if (!options.IsDurable)
        {
            return new EmbeddedStore(clock, journal: null, feedCapacity);
        }

        var journal = new StoreJournal(options, logger);
        var store = new EmbeddedStore(clock, journal, feedCapacity);
        try
        {
            journal.Open([store.Orders, store.Accounts, store.Fingerprints, store.Webhooks]);
        }
        catch
        {
            journal.Dispose();
            throw;
        }

        return store;
    }

    public void Dispose() => Journal?.Dispose();
}
