using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderConsole.Accounts;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Proof;
using OrderConsole.Core.Service;
using OrderConsole.Core.Storage;

namespace OrderConsole.Api;

/// <summary>
/// Proof of delivery over HTTP: <c>POST /api/orders/{id}/deliver</c> (multipart: receiver_name, photo, signature),
/// the images for staff who may see the order, and which parts a supplier asks for. The rules are
/// <see cref="ProofOfDelivery"/>'s; the public tracking token never reaches these endpoints.
/// </summary>
public static class ProofApi
{
    /// <summary>A little over the 5 MB photo and the signature, so a photo just too large gets our own message, not the server's.</summary>
    private const long MaxUploadBytes = 12 * 1024 * 1024;

    public static IEndpointRouteBuilder MapProofApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/orders")
            .WithTags("Proof of delivery")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Cookie callers are checked for forgery by the console's own header check, like every API write;
        // the framework's form-field token is for pages, not for API clients.
        orders.MapPost("/{id}/deliver", Deliver)
            .RequireStaff(ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("DeliverWithProof")
            .WithSummary("Marks an order delivered with proof: receiver_name, a photo (JPEG, PNG or WebP, at most 5 MB) and a signature (PNG), as the supplier asks")
            .ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapGet("/{id}/proof/photo", (string id, ClaimsPrincipal user, ProofOfDelivery proofs, HttpContext context, CancellationToken cancellationToken) =>
                Image(id, ProofPart.Photo, user, proofs, context, cancellationToken))
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .WithName("GetProofPhoto").WithSummary("The delivery photo (JPEG) of a delivered order, for staff who may see the order");
        orders.MapGet("/{id}/proof/signature", (string id, ClaimsPrincipal user, ProofOfDelivery proofs, HttpContext context, CancellationToken cancellationToken) =>
                Image(id, ProofPart.Signature, user, proofs, context, cancellationToken))
            .RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Dispatcher, ConsoleRoles.Driver)
            .WithName("GetProofSignature").WithSummary("The receiver's signature (PNG) of a delivered order, for staff who may see the order");

        var suppliers = endpoints.MapGroup("/api/suppliers").RequireStaff(ConsoleRoles.Supplier, ConsoleRoles.Dispatcher).WithTags("Suppliers");
        suppliers.MapGet("/{id}/proof-required", GetRequired).WithName("GetSupplierProofRequired")
            .WithSummary("Which parts of a proof of delivery the supplier's deliveries need").ProducesProblem(StatusCodes.Status404NotFound);
        suppliers.MapPut("/{id}/proof-required", SetRequired).WithName("SetSupplierProofRequired")
            .WithSummary("Sets which parts of a proof of delivery (photo, signature, receiver_name) the supplier's deliveries need (admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Ok<Order>> Deliver(
        string id, HttpRequest request, ClaimsPrincipal user, ProofOfDelivery proofs,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var actor = ApiActors.AtOneOf(user, Role.Dispatcher, Role.Driver);
        var orderId = ApiInput.OrderId(id);
        if (!request.HasFormContentType)
        {
            throw new OrderValidationException("photo", "send the proof as multipart/form-data with the fields receiver_name, photo and signature");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var upload = new ProofUpload(
            form["receiver_name"].FirstOrDefault(),
            await BytesAsync(form.Files.GetFile("photo"), ProofImages.MaxPhotoBytes, ProofImages.PhotoTooLarge, cancellationToken),
            await BytesAsync(form.Files.GetFile("signature"), ProofImages.MaxSignatureBytes, "The signature is larger than 1 MB; clear it and sign again", cancellationToken));
        return TypedResults.Ok(await proofs.DeliverAsync(actor, orderId, upload, IdempotencyKeys.CommandId(user, idempotencyKey), cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> Image(
        string id, ProofPart part, ClaimsPrincipal user, ProofOfDelivery proofs, HttpContext context, CancellationToken cancellationToken)
    {
        var bytes = await proofs.ReadAsync(ApiActors.Reader(user), ApiInput.OrderId(id), part, cancellationToken);

        // Proof shows a person and their signature: no shared cache keeps it, and no browser guesses another type.
        context.Response.Headers.CacheControl = "private, no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (bytes is null)
        {
            var what = part == ProofPart.Photo ? "photo" : "signature";
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"this order has no delivery {what}",
            });
        }

        return TypedResults.File(bytes, part == ProofPart.Photo ? "image/jpeg" : "image/png");
    }

    public static async Task<Ok<ProofRequiredView>> GetRequired(string id, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProofRequiredView.From((await directory.GetAsync(ApiActors.Reader(user), id, cancellationToken)).ProofRequired));

    public static async Task<Ok<ProofRequiredView>> SetRequired(
        string id, ProofRequiredView request, ClaimsPrincipal user, SupplierDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(ProofRequiredView.From((await directory.SetProofRequirementsAsync(
            ApiActors.Reader(user), id, new ProofRequirements(request.Photo, request.Signature, request.ReceiverName), cancellationToken)).ProofRequired));

    private static async Task<byte[]?> BytesAsync(IFormFile? file, long max, string tooLarge, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        if (file.Length > max)
        {
            throw new OrderValidationException(file.Name, tooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

/// <summary><c>/api/suppliers/{id}/proof-required</c>: which parts of a proof of delivery the supplier asks for.</summary>
public sealed record ProofRequiredView(bool Photo, bool Signature, bool ReceiverName)
{
    public static ProofRequiredView From(ProofRequirements? required) =>
        new(required?.Photo ?? false, required?.Signature ?? false, required?.ReceiverName ?? false);
}
