using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Proof;
using OrderConsole.Core.Service;

namespace OrderConsole.Components.Controls;

/// <summary>
/// Delivers one order from the driver's phone with its proof. A photo is checked as soon as it is chosen (size, and
/// that it is a JPEG, PNG or WebP by its first bytes), so the driver hears at once what is wrong; the server checks
/// everything again, re-encodes the images, and refuses with a message beside the field it concerns.
/// </summary>
public partial class DeliveryProofForm : ComponentBase, IAsyncDisposable
{
    private ElementReference _signaturePad;
    private IJSObjectReference? _module;
    private string? _receiverName;
    private byte[]? _photo;
    private string? _photoName;

    /// <summary>Why the chosen photo cannot be used; delivering waits until it is replaced, so it is never dropped unnoticed.</summary>
    private string? _photoProblem;
    private bool _delivering;

    [Parameter, EditorRequired] public Order Order { get; set; } = default!;

    /// <summary>The driver (or admin) delivering.</summary>
    [Parameter, EditorRequired] public Actor Actor { get; set; } = default!;

    /// <summary>What the order's supplier asks a delivery to come with.</summary>
    [Parameter] public ProofRequirements Required { get; set; } = ProofRequirements.None;

    /// <summary>Called after the order was delivered.</summary>
    [Parameter] public EventCallback Delivered { get; set; }

    [Inject] private ProofOfDelivery Proofs { get; set; } = default!;

    [Inject] private CommandRunner Commands { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    private FieldErrors Errors { get; } = new();

    private string AsksText => Required.Words() is { } asked
        ? $"{Order.SupplierName} asks for the {asked}."
        : "Optional: the receiver's name, a photo and a signature.";

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }

        GC.SuppressFinalize(this);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Controls/DeliveryProofForm.razor.js");
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("attach", _signaturePad);
            }
        }
    }

    private async Task ChoosePhotoAsync(InputFileChangeEventArgs change)
    {
        Errors.Clear();
        _photo = null;
        _photoName = null;
        _photoProblem = null;
        var file = change.File;
        if (file.Size > ProofImages.MaxPhotoBytes)
        {
            Refuse(ProofImages.PhotoTooLarge);
            return;
        }

        using var buffer = new MemoryStream((int)file.Size);
        await using (var stream = file.OpenReadStream(ProofImages.MaxPhotoBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        var bytes = buffer.ToArray();
        if (ProofImages.Sniff(bytes) is null)
        {
            Refuse(ProofImages.NotAnImage);
            return;
        }

        _photo = bytes;
        _photoName = file.Name;
    }

    private void Refuse(string problem)
    {
        _photoProblem = problem;
        Errors.Set(ProofImages.PhotoField, problem);
    }

    private async Task ClearSignatureAsync()
    {
        Errors.Clear();
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("clear", _signaturePad);
        }
    }

    private async Task DeliverAsync()
    {
        if (_photoProblem is { } problem)
        {
            Errors.Clear();
            Errors.Set(ProofImages.PhotoField, problem);
            return;
        }

        _delivering = true;
        try
        {
            var upload = new ProofUpload(_receiverName, _photo, await SignatureAsync());
            var done = await Commands.RunAsync(
                Errors, () => $"{Order.SupplierTrackingId} is {OrderStatus.Delivered.ToDisplayName()}",
                () => Proofs.DeliverAsync(Actor, Order.Id, upload), Order.Id);
            if (done)
            {
                await Delivered.InvokeAsync();
            }
        }
        finally
        {
            _delivering = false;
        }
    }

    /// <summary>The drawn signature as PNG bytes, or null when nothing was drawn.</summary>
    private async Task<byte[]?> SignatureAsync()
    {
        if (_module is null || !await _module.InvokeAsync<bool>("isSigned", _signaturePad))
        {
            return null;
        }

        var png = await _module.InvokeAsync<IJSStreamReference>("signaturePng", _signaturePad);
        await using var stream = await png.OpenReadStreamAsync(ProofImages.MaxSignatureBytes);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static string Label(string text, bool required) => required ? $"{text} (required)" : $"{text} (optional)";

    private string ErrorId(string field) => $"{field}-error-{Order.Id:N}";

    private static string SizeText(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");
}
