using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Accounts;
using OrderConsole.Core.Service;

namespace OrderConsole.Api;

/// <summary>
/// <c>/api/suppliers</c>: admins create, edit, deactivate (<c>DELETE</c>) and activate suppliers; dispatchers read
/// them all, a supplier user only their own. The rules are <see cref="SupplierDirectory"/>'s.
/// </summary>
public static class SuppliersApi
{
    public static IEndpointRouteBuilder MapSuppliersApi(this IEndpointRouteBuilder endpoints)
    {
        var suppliers = endpoints.MapGroup("/api/suppliers")
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Dispatcher)
            .WithTags("Suppliers")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        suppliers.MapGet("/", ListSuppliers).WithName("ListSuppliers").WithSummary("Every supplier (a supplier user: their own)");
        suppliers.MapGet("/{id}", GetSupplier).WithName("GetSupplier").WithSummary("One supplier").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapPost("/", CreateSupplier).WithName("CreateSupplier").WithSummary("Adds a supplier (admin)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        suppliers.MapPut("/{id}", UpdateSupplier).WithName("UpdateSupplier").WithSummary("Changes a supplier's details (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        suppliers.MapDelete("/{id}", DeactivateSupplier).WithName("DeactivateSupplier")
            .WithSummary("Deactivates a supplier (admin): it takes no new orders; its orders and history stay")
            .ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapPost("/{id}/activate", ActivateSupplier).WithName("ActivateSupplier").WithSummary("Lets a deactivated supplier take orders again (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapSupplierPricing();
        return endpoints;
    }

    public static async Task<Ok<SupplierList>> ListSuppliers(ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SupplierList([.. (await directory.ListAsync(ApiActors.Reader(user), cancellationToken)).Select(SupplierView.From)]));

    public static async Task<Ok<SupplierView>> GetSupplier(string id, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(SupplierView.From(await directory.GetAsync(ApiActors.Reader(user), id, cancellationToken)));

    public static async Task<Created<SupplierView>> CreateSupplier(
        SupplierRequest request, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken)
    {
        var supplier = await directory.CreateAsync(ApiActors.Reader(user), request.ToDetails(), cancellationToken);
        return TypedResults.Created($"/api/suppliers/{supplier.Id}", SupplierView.From(supplier));
    }

    public static async Task<Ok<SupplierView>> UpdateSupplier(
        string id, SupplierRequest request, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(SupplierView.From(await directory.UpdateAsync(ApiActors.Reader(user), id, request.ToDetails(), cancellationToken)));

    public static async Task<Ok<SupplierView>> DeactivateSupplier(string id, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(SupplierView.From(await directory.SetActiveAsync(ApiActors.Reader(user), id, active: false, cancellationToken)));

    public static async Task<Ok<SupplierView>> ActivateSupplier(string id, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(SupplierView.From(await directory.SetActiveAsync(ApiActors.Reader(user), id, active: true, cancellationToken)));
}
