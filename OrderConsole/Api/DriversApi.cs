using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderConsole.Accounts;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Api;

/// <summary>
/// <c>/api/drivers</c>: dispatchers and admins list drivers with status and position; admins create, edit,
/// deactivate (<c>DELETE</c>) and activate them; a dispatcher, an admin or the driver themselves sets the status.
/// The rules are <see cref="DriverDirectory"/>'s.
/// </summary>
public static class DriversApi
{
    public static IEndpointRouteBuilder MapDriversApi(this IEndpointRouteBuilder endpoints)
    {
        var drivers = endpoints.MapGroup("/api/drivers")
            .RequireStaff(ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .WithTags("Drivers")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        drivers.MapGet("/", ListDrivers).WithName("ListDrivers").WithSummary("Every driver with status and last known position");
        drivers.MapGet("/{id}", GetDriver).WithName("GetDriver").WithSummary("One driver (a driver user: themselves)").ProducesProblem(StatusCodes.Status404NotFound);
        drivers.MapPost("/", CreateDriver).WithName("CreateDriver").WithSummary("Adds a driver (admin); offline unless a status is given");
        drivers.MapPut("/{id}", UpdateDriver).WithName("UpdateDriver").WithSummary("Changes a driver's name, phone or vehicle (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        drivers.MapPost("/{id}/status", ChangeDriverStatus).WithName("ChangeDriverStatus")
            .WithSummary("Sets status=available, on_break or offline (dispatcher, admin, the driver themselves)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        drivers.MapDelete("/{id}", DeactivateDriver).WithName("DeactivateDriver")
            .WithSummary("Deactivates a driver (admin): offline and never offered for dispatch")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        drivers.MapPost("/{id}/activate", ActivateDriver).WithName("ActivateDriver").WithSummary("Activates a driver again (admin); they start offline")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Ok<DriverList>> ListDrivers(ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(new DriverList(await directory.ListAsync(ApiActors.Reader(user), cancellationToken)));

    public static async Task<Ok<Driver>> GetDriver(string id, ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.GetAsync(ApiActors.Reader(user), id, cancellationToken));

    public static async Task<Created<Driver>> CreateDriver(DriverRequest request, ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken)
    {
        var driver = await directory.CreateAsync(ApiActors.Reader(user), request.ToDetails(), request.Status, cancellationToken);
        return TypedResults.Created($"/api/drivers/{driver.Id}", driver);
    }

    public static async Task<Ok<Driver>> UpdateDriver(string id, DriverRequest request, ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken)
    {
        if (request.Status is not null)
        {
            throw new OrderValidationException("status", $"set a driver's status with POST /api/drivers/{id}/status?status=…");
        }

        return TypedResults.Ok(await directory.UpdateAsync(ApiActors.Reader(user), id, request.ToDetails(), cancellationToken));
    }

    public static async Task<Ok<Driver>> ChangeDriverStatus(string id, string? status, ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.SetStatusAsync(ApiActors.AtOneOf(user, Role.Dispatcher, Role.Driver), id, StatusOf(status), cancellationToken));

    public static async Task<Ok<Driver>> DeactivateDriver(string id, ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.SetActiveAsync(ApiActors.Reader(user), id, active: false, cancellationToken));

    public static async Task<Ok<Driver>> ActivateDriver(string id, ClaimsPrincipal user, DriverDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.SetActiveAsync(ApiActors.Reader(user), id, active: true, cancellationToken));

    private static DriverStatus StatusOf(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "available" => DriverStatus.Available,
        "on_break" => DriverStatus.OnBreak,
        "offline" => DriverStatus.Offline,
        _ => throw new OrderValidationException("status", "the status must be available, on_break or offline"),
    };
}
