using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Storage;
using OrderConsole.Core.Suppliers;

namespace OrderConsole.Api;

/// <summary>
/// Answers API calls that hit a domain rule with RFC 7807 problem details whose <c>detail</c> is the rule's own
/// sentence: malformed input 400, not allowed 403, unknown 404, illegal or raced transition 409, store away 503.
/// Handlers stay free of try/catch; the order service's exceptions are the single source of these answers.
/// </summary>
public sealed class OrderProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = Describe(exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem an exception stands for, or null for a failure that is ours (500).</summary>
    public static ProblemDetails? Describe(Exception exception)
    {
        var problem = exception switch
        {
            OrderValidationException invalid => Problem(StatusCodes.Status400BadRequest, "The request is not valid", invalid.Message, ("field", invalid.Field)),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "The request is not valid", badRequest.Message),
            ProofMissingException missing => Problem(StatusCodes.Status400BadRequest, "Proof of delivery is missing", missing.Message, ("field", missing.Field)),
            ProofStorageFullException full => Problem(StatusCodes.Status507InsufficientStorage, "Proof storage is full", full.Message, ("field", "photo")),
            ForbiddenOrderActionException forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", forbidden.Message),
            OrderNotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
            NotInDirectoryException unknown => Problem(StatusCodes.Status404NotFound, "Not found", unknown.Message),
            DirectoryConflictException clash => Problem(StatusCodes.Status409Conflict, "The change clashes with what is stored", clash.Message, ("field", clash.Field)),
            SupplierInactiveException inactive => Problem(StatusCodes.Status409Conflict, "The supplier is deactivated", inactive.Message, ("field", "supplier_id")),
            IllegalTransitionException illegal => Problem(StatusCodes.Status409Conflict, "The order cannot make that move", illegal.Message, ("current_status", illegal.Current.ToWireName())),
            OrderConflictException conflict => Problem(StatusCodes.Status409Conflict, "The order changed meanwhile", conflict.Message, ("current_status", conflict.CurrentStatus?.ToWireName())),
            OutOfStockException empty => Problem(StatusCodes.Status409Conflict, "An item is out of stock", empty.Message, ("field", "items"), ("item", empty.Item), ("left", empty.Left)),
            DiscountUsedUpException usedUp => Problem(StatusCodes.Status409Conflict, "The discount code is used up", usedUp.Message, ("field", DiscountUsedUpException.Field)),
            OrderDomainException other => Problem(StatusCodes.Status409Conflict, "The request conflicts with the current state", other.Message),
            StoreUnavailableException away => Problem(StatusCodes.Status503ServiceUnavailable, "The store is unavailable", away.Message, ("outcome_unknown", away.OutcomeUnknown)),
            _ => null,
        };
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail, params (string Name, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (name, value) in extensions)
        {
            if (value is not null)
            {
                problem.Extensions[name] = value;
            }
        }

        return problem;
    }
}
