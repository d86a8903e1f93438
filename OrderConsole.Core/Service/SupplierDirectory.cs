using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Core.Service;

/// <summary>
/// The suppliers an admin keeps: create, edit, deactivate and activate. Dispatchers read every supplier, a
/// supplier user only their own. Every change goes to the store, which keeps names and prefixes unique.
/// </summary>
public sealed class SupplierDirectory(IOrderStore store)
{
    public async Task<IReadOnlyList<Supplier>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var suppliers = await store.ListSuppliersAsync(cancellationToken);
        return actor.Role switch
        {
            Role.Admin or Role.Dispatcher => suppliers,
            Role.Supplier => [.. suppliers.Where(supplier => supplier.Id == actor.SupplierId)],
            _ => throw new ForbiddenOrderActionException("only admins, dispatchers and supplier users may read suppliers"),
        };
    }

    public async Task<Supplier> GetAsync(Actor actor, string supplierId, CancellationToken cancellationToken = default) =>
        (await ListAsync(actor, cancellationToken)).FirstOrDefault(supplier => supplier.Id == supplierId)
        ?? throw new NotInDirectoryException("supplier", supplierId);

    public Task<Supplier> CreateAsync(Actor actor, SupplierDetails details, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, "create suppliers");
        var supplier = SupplierRules.Apply(Guid.NewGuid().ToString("N"), details, existing: null);
        return store.SaveSupplierAsync(supplier, actor.Name, cancellationToken);
    }

    public async Task<Supplier> UpdateAsync(Actor actor, string supplierId, SupplierDetails details, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, "edit suppliers");
        var existing = await GetAsync(actor, supplierId, cancellationToken);
        return await store.SaveSupplierAsync(SupplierRules.Apply(supplierId, details, existing), actor.Name, cancellationToken);
    }

    /// <summary>Deactivates (no new orders; its orders go on) or activates a supplier again.</summary>
    public async Task<Supplier> SetActiveAsync(Actor actor, string supplierId, bool active, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, active ? "activate suppliers" : "deactivate suppliers");
        var existing = await GetAsync(actor, supplierId, cancellationToken);
        return await store.SaveSupplierAsync(existing with { Active = active }, actor.Name, cancellationToken);
    }

    /// <summary>The supplier's stock levels (an item not listed is unlimited); the supplier's own users and admins.</summary>
    public async Task<IReadOnlyList<StockLevel>> GetStockAsync(Actor actor, string supplierId, CancellationToken cancellationToken = default)
    {
        await GetAsync(actor, supplierId, cancellationToken);
        return await store.GetStockAsync(supplierId, cancellationToken);
    }

    /// <summary>Sets one item's stock level, or with a null quantity makes the item unlimited again; the supplier's own users and admins.</summary>
    public async Task<IReadOnlyList<StockLevel>> SetStockAsync(Actor actor, string supplierId, string? item, int? quantity, bool remove = false, CancellationToken cancellationToken = default)
    {
        if (actor.Role is not (Role.Admin or Role.Supplier))
        {
            throw new ForbiddenOrderActionException("only an admin or the supplier's own users may change its stock");
        }

        await GetAsync(actor, supplierId, cancellationToken);
        var level = remove ? new StockLevel(OrderInput.Required(item, "item", OrderInput.MaxNameLength), 0) : StockRules.Level(item, quantity);
        await store.SetStockAsync(supplierId, level.Item, remove ? null : level.Quantity, cancellationToken);
        return await store.GetStockAsync(supplierId, cancellationToken);
    }

    /// <summary>Replaces the supplier's delivery fee, service fee and discount codes (admin).</summary>
    public async Task<Supplier> SetPricingAsync(Actor actor, string supplierId, PricingRules rules, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, "change pricing rules");
        var existing = await GetAsync(actor, supplierId, cancellationToken);
        return await store.SaveSupplierAsync(existing with { PricingRules = PricingRuleChecks.Ensure(rules) }, actor.Name, cancellationToken);
    }

    /// <summary>Sets which parts of a proof of delivery (photo, signature, receiver's name) the supplier's deliveries need (admin).</summary>
    public async Task<Supplier> SetProofRequirementsAsync(Actor actor, string supplierId, ProofRequirements required, CancellationToken cancellationToken = default)
    {
        EnsureAdmin(actor, "change what proof of delivery a supplier asks for");
        var existing = await GetAsync(actor, supplierId, cancellationToken);
        return await store.SaveSupplierAsync(existing with { ProofRequired = required.Any ? required : null }, actor.Name, cancellationToken);
    }

    /// <summary>How often each of the supplier's codes has been used, by code.</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetDiscountUsesAsync(Actor actor, string supplierId, CancellationToken cancellationToken = default)
    {
        await GetAsync(actor, supplierId, cancellationToken);
        return await store.GetDiscountUsesAsync(supplierId, cancellationToken);
    }

    private static void EnsureAdmin(Actor actor, string what)
    {
        if (actor.Role != Role.Admin)
        {
            throw new ForbiddenOrderActionException($"only an admin may {what}");
        }
    }
}
