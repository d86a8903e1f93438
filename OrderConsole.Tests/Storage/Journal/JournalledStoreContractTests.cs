using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Core.Users;

namespace OrderConsole.Tests.Storage.Journal;

/// <summary>The embedded store with its journal on disk passes the same storage contract as without one.</summary>
public sealed class JournalledStoreContractTests : OrderStoreContract, IDisposable
{
    private readonly JournalFolder _folder = new();
    private EmbeddedStore? _store;

    protected override (IOrderStore Store, IOrderFeed Feed) CreateStore()
    {
        _store = _folder.Open();
        return (_store.Orders, _store.Feed);
    }

    protected override (IOrderStore Store, IOrderFeed Feed)? CreateStoreWithFeedCapacity(int capacity)
    {
        _store = _folder.Open(feedCapacity: capacity);
        return (_store.Orders, _store.Feed);
    }

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Request fingerprints with the journal on disk.</summary>
public sealed class JournalledRequestFingerprintsTests : RequestFingerprintsContract, IDisposable
{
    private readonly JournalFolder _folder = new();
    private EmbeddedStore? _store;

    protected override IRequestFingerprints Create()
    {
        _store = _folder.Open();
        return _store.Fingerprints;
    }

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }
}

/// <summary>User accounts with the journal on disk.</summary>
public sealed class JournalledUserAccountsContractTests : UserAccountsContract, IDisposable
{
    private readonly JournalFolder _folder = new();
    private EmbeddedStore? _store;

    protected override IUserAccounts CreateAccounts()
    {
        _store = _folder.Open();
        return _store.Accounts;
    }

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }
}
