using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;

namespace OrderConsole.Api;

/// <summary>
/// <c>POST /api/events/batch</c>: several order changes applied in order as one — all of them or none. A refused
/// batch answers with the status of the step's own error, says which step failed and why, and the feed gets a
/// <c>batch.rolled_back</c> event with the correlation id.
/// </summary>
public static class BatchApi
{
    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/events/batch", ApplyBatch)
            .RequireStaff(Accounts.ConsoleRoles.Supplier, Accounts.ConsoleRoles.Customer, Accounts.ConsoleRoles.Dispatcher, Accounts.ConsoleRoles.Driver)
            .WithName("ApplyBatch")
            .WithSummary("Applies every event of the batch in order, or none; a refusal names the failing event")
            .WithTags("Events")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public static async Task<Results<Ok<BatchOutcome>, ProblemHttpResult>> ApplyBatch(
        BatchRequest request, ClaimsPrincipal user, OrderService orders,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var actor = ApiActors.AtOneOf(user, Role.Dispatcher, Role.Supplier, Role.Customer, Role.Driver);
        var correlationId = request.CorrelationId ?? Guid.NewGuid().ToString("N");
        var steps = (request.Events ?? []).Select(Step).ToList();

        var batchId = IdempotencyKeys.BatchId(user, idempotencyKey, correlationId);
        try
        {
            var applied = await orders.ApplyBatchAsync(actor, steps, correlationId, batchId, cancellationToken);
            return TypedResults.Ok(new BatchOutcome(true, applied.Orders.Count, applied.CorrelationId, applied.AppliedAt));
        }
        catch (BatchFailedException failed)
        {
            var problem = OrderProblems.Describe(failed.Reason)!;
            problem.Detail = failed.Message;
            problem.Extensions["success"] = false;
            problem.Extensions["events_processed"] = 0;
            problem.Extensions["correlation_id"] = correlationId;
            problem.Extensions["failed_event_index"] = failed.Index;
            problem.Extensions["failed_event_type"] = steps[failed.Index].EventType;
            return TypedResults.Problem(problem);
        }
    }

    private static BatchStep Step(BatchEventRequest request, int index)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"events[{index}]");
        if (string.IsNullOrWhiteSpace(request.EventType))
        {
            throw new OrderValidationException($"{field}.event_type", $"event {index + 1} has no event_type");
        }

        if (!Guid.TryParse(request.OrderId, out var orderId))
        {
            throw new OrderValidationException($"{field}.order_id", $"event {index + 1} has no order id: \"{request.OrderId}\" is not a GUID");
        }

        return new BatchStep(request.EventType, orderId, request.Data is { } data ? BatchStep.DataFrom(data) : null);
    }
}

/// <summary>The body of <c>POST /api/events/batch</c>.</summary>
public sealed record BatchRequest(IReadOnlyList<BatchEventRequest>? Events, string? CorrelationId);

/// <summary>One change of a batch: the event it makes (<c>order.preparing</c>, <c>order.dispatched</c>…), the order, and the command's fields.</summary>
public sealed record BatchEventRequest(string? EventType, string? OrderId, JsonElement? Data);

/// <summary>An applied batch.</summary>
public sealed record BatchOutcome(bool Success, int EventsProcessed, string CorrelationId, DateTimeOffset Timestamp);
