using OrderConsole.Core.Storage;
using OrderConsole.Core.Storage.InMemory;
using OrderConsole.Tests.Support;

namespace OrderConsole.Tests.Storage;

/// <summary>The embedded in-memory store passes the storage contract.</summary>
public sealed class InMemoryOrderStoreContractTests : OrderStoreContract
{
    protected override (IOrderStore Store, IOrderFeed Feed) CreateStore() => Create(new InMemoryFeed());

    protected override (IOrderStore Store, IOrderFeed Feed)? CreateStoreWithFeedCapacity(int capacity) => Create(new InMemoryFeed(capacity));

    private static (IOrderStore Store, IOrderFeed Feed) Create(InMemoryFeed feed) => (new InMemoryOrderStore(new ManualClock(), feed), feed);
}
