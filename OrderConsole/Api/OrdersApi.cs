using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Accounts;
using OrderConsole.Core.Events;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Api;

/// <summary>
/// <c>/api/orders</c>: create, list, read and move orders over HTTP with the console's rules. Every command goes
/// through <see cref="OrderService"/>, so roles, ownership and the transition table are checked exactly as on
/// the pages; domain errors become problem details in <see cref="OrderProblems"/>.
/// </summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/orders")
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Customer, ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .WithTags("Orders")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        orders.MapPost("/", CreateOrder)
            .WithName("CreateOrder").WithSummary("Creates an order for a supplier: one pizza with its price, or items");
        orders.MapGet("/", ListOrders)
            .WithName("ListOrders").WithSummary("Orders newest change first (or by sort), filtered by status, supplier, driver, text search and creation days, a page at a time");
        orders.MapGet("/{id}", GetOrder)
            .WithName("GetOrder").WithSummary("One order").ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id}/supplier-respond", RespondAsSupplier)
            .WithName("SupplierRespond").WithSummary("The supplier accepts (notes, estimated minutes) or rejects (notes as the reason)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapPost("/{id}/customer-accept", AcceptAsCustomer)
            .WithName("CustomerAccept").WithSummary("The customer accepts the priced offer with name, address and optional phone, discount code and delivery coordinates")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapGet("/{id}/quote", SupplierPricingApi.QuoteOffer)
            .WithName("QuoteOffer").WithSummary("The offer's price line by line with an optional discount code and delivery coordinates, before accepting")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id}/dispatch", DispatchOrder)
            .WithName("DispatchOrder").WithSummary("Puts a driver, by id or name, on a ready order")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapPost("/{id}/reassign", ReassignOrder)
            .WithName("ReassignOrder").WithSummary("Moves a dispatched order, not yet in transit, to another available driver, by id or name")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapPost("/{id}/status", ChangeStatus)
            .WithName("ChangeOrderStatus").WithSummary("Moves an order to preparing, ready, in_transit, delivered or cancelled")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapGet("/{id}/delivery", GetDelivery)
            .WithName("GetDelivery").WithSummary("A dispatched order's delivery: driver, progress 33/66/100, ETA, timeline")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("/{id}/events", GetOrderEvents)
            .WithName("GetOrderEvents").WithSummary("The order's own history, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Created<Order>> CreateOrder(
        CreateOrderRequest request, ClaimsPrincipal user, OrderService orders, IOrderStore store,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var actor = ApiActors.AtOneOf(user, Role.Supplier);
        var supplierId = await SupplierOf(request, actor, store, cancellationToken);
        var command = new CreateOrder(supplierId, ItemsOf(request), request.MarkupPercentage);
        var order = await orders.CreateAsync(actor, command, IdempotencyKeys.CommandId(user, idempotencyKey), cancellationToken);
        return TypedResults.Created($"/api/orders/{order.Id}", order);
    }

    public static async Task<Ok<OrderPage>> ListOrders(
        ClaimsPrincipal user, IOrderStore store, CurrentSettings settings, [AsParameters] OrderListFilters filters,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var supplierId = OrderListing.SupplierFor(user, filters.SupplierId);
        var pageSize = ApiInput.PageSize(limit);
        var offset = ApiInput.Cursor(cursor);

        // One more than asked tells whether another page follows without counting every match.
        IReadOnlyList<Order> found;
        if (filters.OnlyStoreFilters)
        {
            found = await store.ListAsync(new OrderQuery { Statuses = filters.Statuses(), SupplierId = supplierId, Limit = pageSize + 1, Offset = offset }, cancellationToken);
        }
        else
        {
            var search = filters.ToSearch(supplierId, settings.Value.Zone());
            found = [.. (await OrderListing.FindAsync(store, search, cancellationToken)).Skip(offset).Take(pageSize + 1)];
        }

        var page = found.Take(pageSize).ToArray();
        var next = found.Count > pageSize ? (offset + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new OrderPage(page, page.Length, next));
    }

    public static async Task<Ok<Order>> GetOrder(string id, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        TypedResults.Ok(await orders.GetAsync(ApiActors.Reader(user), ApiInput.OrderId(id), cancellationToken));

    public static async Task<Ok<Order>> RespondAsSupplier(
        string id, bool accept, string? notes, [FromQuery(Name = "estimated_time")] int? estimatedTime,
        ClaimsPrincipal user, OrderService orders, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var actor = ApiActors.AtOneOf(user, Role.Supplier);
        var orderId = ApiInput.OrderId(id);
        var commandId = IdempotencyKeys.CommandId(user, idempotencyKey);
        var order = accept
            ? await orders.AcceptAsSupplierAsync(actor, orderId, notes, estimatedTime, commandId, cancellationToken)
            : await orders.RejectAsSupplierAsync(actor, orderId, notes, commandId, cancellationToken);
        return TypedResults.Ok(order);
    }

    public static async Task<Ok<Order>> AcceptAsCustomer(
        string id, [FromQuery(Name = "customer_name")] string? customerName, [FromQuery(Name = "delivery_address")] string? deliveryAddress,
        [FromQuery(Name = "customer_phone")] string? customerPhone, ClaimsPrincipal user, OrderService orders,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken,
        [FromQuery(Name = "discount_code")] string? discountCode = null, [FromQuery(Name = "delivery_latitude")] double? deliveryLatitude = null,
        [FromQuery(Name = "delivery_longitude")] double? deliveryLongitude = null)
    {
        var actor = ApiActors.AtOneOf(user, Role.Customer);
        var customer = new CustomerDetails(customerName, customerPhone, deliveryAddress)
        {
            DiscountCode = discountCode, DeliveryLatitude = deliveryLatitude, DeliveryLongitude = deliveryLongitude,
        };
        var order = await orders.AcceptOfferAsync(
            actor, ApiInput.OrderId(id), customer,
            IdempotencyKeys.CommandId(user, idempotencyKey), cancellationToken);
        return TypedResults.Ok(order);
    }

    public static Task<Ok<Order>> DispatchOrder(
        string id, [FromQuery(Name = "driver_id")] string? driverId, [FromQuery(Name = "driver_name")] string? driverName,
        ClaimsPrincipal user, OrderService orders, IOrderStore store, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        PutDriverOnAsync(id, driverId, driverName, user, store, idempotencyKey, orders.DispatchAsync, cancellationToken);

    public static Task<Ok<Order>> ReassignOrder(
        string id, [FromQuery(Name = "driver_id")] string? driverId, [FromQuery(Name = "driver_name")] string? driverName,
        ClaimsPrincipal user, OrderService orders, IOrderStore store, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        CancellationToken cancellationToken) =>
        PutDriverOnAsync(id, driverId, driverName, user, store, idempotencyKey, orders.ReassignAsync, cancellationToken);

    public static async Task<Ok<Order>> ChangeStatus(
        string id, string? status, string? reason, ClaimsPrincipal user, OrderService orders,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var orderId = ApiInput.OrderId(id);
        var to = ApiInput.Status(status);
        var commandId = IdempotencyKeys.CommandId(user, idempotencyKey);
        var order = to switch
        {
            OrderStatus.Cancelled => await orders.CancelAsync(ApiActors.AtOneOf(user, Role.Dispatcher, Role.Supplier, Role.Customer), orderId, reason, commandId, cancellationToken),
            OrderStatus.Preparing or OrderStatus.Ready => await orders.AdvanceAsync(ApiActors.AtOneOf(user, Role.Supplier), orderId, to, commandId, cancellationToken),
            _ => await orders.AdvanceAsync(ApiActors.AtOneOf(user, Role.Dispatcher, Role.Driver), orderId, to, commandId, cancellationToken),
        };
        return TypedResults.Ok(order);
    }

    public static async Task<Ok<DeliveryView>> GetDelivery(
        string id, ClaimsPrincipal user, OrderService orders, VersionedViews<DeliveryView> deliveries, CancellationToken cancellationToken)
    {
        var actor = ApiActors.Reader(user);
        var order = await orders.GetAsync(actor, ApiInput.OrderId(id), cancellationToken);
        if (!OrderProgress.HasDelivery(order))
        {
            throw new OrderValidationException("id", $"order {order.ShortId}… is {order.Status.ToWireName()}; it has no delivery until it is dispatched");
        }

        // A followed delivery is asked for often; its view is built once per version of the order, not per request.
        if (deliveries.Find(order.Id, order.Version) is not { } view)
        {
            view = DeliveryView.From(order, await orders.GetHistoryAsync(actor, order.Id, cancellationToken));
            deliveries.Keep(order.Id, order.Version, null, view);
        }

        return TypedResults.Ok(view);
    }

    public static async Task<Ok<IReadOnlyList<OrderEvent>>> GetOrderEvents(string id, ClaimsPrincipal user, OrderService orders, CancellationToken cancellationToken) =>
        TypedResults.Ok(await orders.GetHistoryAsync(ApiActors.Reader(user), ApiInput.OrderId(id), cancellationToken));

    private static async Task<string> SupplierOf(CreateOrderRequest request, Actor actor, IOrderStore store, CancellationToken cancellationToken)
    {
        if (request.SupplierName is not { } name)
        {
            return request.SupplierId ?? actor.SupplierId
                ?? throw new OrderValidationException("supplier_id", "give the supplier_id or the supplier_name of the supplier the order is for");
        }

        var named = (await store.ListSuppliersAsync(cancellationToken))
            .FirstOrDefault(supplier => string.Equals(supplier.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

        // A supplier user may name only their own supplier; any other name, known or not, is refused alike,
        // so the answer tells them nothing about other suppliers.
        if (actor.Role == Role.Supplier && named?.Id != actor.SupplierId)
        {
            throw new ForbiddenOrderActionException("a supplier may create orders only for their own supplier; leave supplier_name out or give your own");
        }

        if (named is null)
        {
            throw new OrderValidationException("supplier_name", $"no supplier is named \"{name}\"; an admin adds suppliers on the Suppliers page or with POST /api/suppliers");
        }

        if (request.SupplierId is { } id && id != named.Id)
        {
            throw new OrderValidationException(
                "supplier_id,supplier_name", $"supplier_id \"{id}\" and supplier_name \"{name}\" do not name the same supplier; give one of them");
        }

        return named.Id;
    }

    private static IReadOnlyList<OrderItem> ItemsOf(CreateOrderRequest request)
    {
        if (request.Items is { } items)
        {
            if (request.PizzaName is not null || request.SupplierPrice is not null)
            {
                throw new OrderValidationException(
                    "items,pizza_name", "give either items, or pizza_name with supplier_price, not both: they would describe the order twice");
            }

            return [.. items.Select(item => new OrderItem(
                item.Name ?? string.Empty,
                item.Quantity ?? 1,
                item.UnitPrice ?? throw new OrderValidationException("unit_price", $"the unit price of {item.Name ?? "an item"} is required")))];
        }

        if (request.PizzaName is null && request.SupplierPrice is null)
        {
            throw new OrderValidationException("items", "give pizza_name and supplier_price, or items");
        }

        var price = request.SupplierPrice ?? throw new OrderValidationException("supplier_price", "the supplier price is required");
        Pricing.EnsureSupplierPrice(price);
        return [new OrderItem(request.PizzaName ?? string.Empty, 1, price)];
    }

    private static async Task<Ok<Order>> PutDriverOnAsync(
        string id, string? driverId, string? driverName, ClaimsPrincipal user, IOrderStore store, string? idempotencyKey,
        Func<Actor, Guid, string, string?, CancellationToken, Task<Order>> move, CancellationToken cancellationToken)
    {
        var actor = ApiActors.AtOneOf(user, Role.Dispatcher);
        var orderId = ApiInput.OrderId(id);
        var driver = driverId ?? await DriverNamed(driverName, store, cancellationToken);
        if (driverId is not null && !string.IsNullOrWhiteSpace(driverName) && await DriverNamed(driverName, store, cancellationToken) != driverId)
        {
            // Both given and they disagree: guessing which one was meant could send the wrong driver.
            throw new OrderValidationException(
                "driver_id,driver_name", $"driver_id \"{driverId}\" and driver_name \"{driverName}\" name different drivers; give one of them");
        }

        return TypedResults.Ok(await move(actor, orderId, driver, IdempotencyKeys.CommandId(user, idempotencyKey), cancellationToken));
    }

    private static async Task<string> DriverNamed(string? name, IOrderStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new OrderValidationException("driver_id", "give the driver_id or the driver_name of the driver to dispatch");
        }

        var matches = (await store.ListDriversAsync(cancellationToken))
            .Where(driver => string.Equals(driver.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        return matches switch
        {
            [var only] => only.Id,
            [] => throw new OrderValidationException("driver_name", $"no driver is named \"{name}\""),
            _ => throw new OrderValidationException("driver_name", $"{matches.Length} drivers are named \"{name}\"; dispatch by driver_id instead"),
        };
    }
}
