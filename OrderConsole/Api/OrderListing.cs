using System.Security.Claims;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;

namespace OrderConsole.Api;

/// <summary>
/// What a caller of the order listings may see and which orders their filters find: suppliers only their own, the
/// store narrowing by status and supplier, <see cref="OrderSearch"/> doing the rest over what it returns.
/// </summary>
public static class OrderListing
{
    /// <summary>The supplier to list for: a supplier user always their own (naming another is forbidden), staff whichever they named.</summary>
    public static string? SupplierFor(ClaimsPrincipal user, string? supplierId)
    {
        var actor = ApiActors.AtOneOf(user, Role.Dispatcher, Role.Supplier);
        if (actor.Role != Role.Supplier)
        {
            return string.IsNullOrWhiteSpace(supplierId) ? null : supplierId.Trim();
        }

        if (!string.IsNullOrWhiteSpace(supplierId) && supplierId.Trim() != actor.SupplierId)
        {
            throw new ForbiddenOrderActionException("a supplier may list only their own supplier's orders");
        }

        return actor.SupplierId;
    }

    /// <summary>Every order <paramref name="search"/> finds in the store, in its sort.</summary>
    public static async Task<IReadOnlyList<Order>> FindAsync(IOrderStore store, OrderSearch search, CancellationToken cancellationToken)
    {
        var statuses = search.Statuses is { Count: > 0 } wanted ? wanted.ToArray() : null;
        var listed = await store.ListAsync(new OrderQuery { Statuses = statuses, SupplierId = search.SupplierId, Limit = int.MaxValue }, cancellationToken);
        return search.Apply(listed);
    }
}
