using System.Globalization;
using Microsoft.AspNetCore.Components;
using OrderConsole.Components.Controls;
using OrderConsole.Core.Live;
using OrderConsole.Core.Orders;
using OrderConsole.Core.Service;
using OrderConsole.Core.Suppliers;
using SupplierRecord = OrderConsole.Core.Orders.Supplier;

namespace OrderConsole.Components.Pages;

/// <summary>The admin's suppliers: create and edit them (with the proof of delivery they ask for), deactivate (no new orders) and activate them; the list follows every console's changes live.</summary>
public partial class AdminSuppliers : LivePage
{
    private const MudBlazor.InputMode DecimalInput = MudBlazor.InputMode.@decimal;
    private const string NameField = "name";
    private const string PrefixField = "tracking_prefix";
    private const string AddressField = "pickup_address";
    private const string LatitudeField = "pickup_latitude";
    private const string LongitudeField = "pickup_longitude";
    private const string PhoneField = "phone";
    private const string MarkupField = "default_markup_percentage";

    private IReadOnlyList<SupplierRecord> _suppliers = [];
    private SupplierDraft _draft = new();
    private string? _editingId;

    [Inject] private SupplierDirectory Directory { get; set; } = default!;

    protected override Role Desk => Role.Admin;

    protected override LiveFilter Filter => LiveFilter.Suppliers;

    private SupplierRecord? Editing => _editingId is { } id ? _suppliers.FirstOrDefault(supplier => supplier.Id == id) : null;

    protected override void Refresh() => _suppliers = Live.Suppliers();

    private static string Pickup(SupplierRecord supplier) =>
        string.Join(" · ", new[]
        {
            supplier.PickupAddress,
            supplier is { Latitude: { } latitude, Longitude: { } longitude }
                ? string.Create(CultureInfo.InvariantCulture, $"{latitude:0.0000}, {longitude:0.0000}")
                : null,
        }.OfType<string>());

    private static string Markup(SupplierRecord supplier) =>
        supplier.DefaultMarkupPercentage is { } markup ? string.Create(CultureInfo.InvariantCulture, $"{markup:0.##} %") : "default";

    private static string Proof(SupplierRecord supplier) =>
        supplier.ProofRequired?.Words() is { } words ? $"Proof: {words}" : "No proof required";

    private void StartNew()
    {
        _editingId = null;
        _draft = new SupplierDraft();
        Errors.Clear();
    }

    private void Edit(SupplierRecord supplier)
    {
        _editingId = supplier.Id;
        _draft = SupplierDraft.From(supplier);
        Errors.Clear();
    }

    private async Task SaveAsync()
    {
        Errors.Clear();
        if (_draft.ToDetails(Errors) is not { } details)
        {
            return;
        }

        var editing = _editingId;
        var required = _draft.ProofRequired;
        if (await RunAsync(
                editing is null ? $"Supplier {details.Name?.Trim()} created" : $"Supplier {details.Name?.Trim()} saved",
                () => SaveWithProofAsync(editing, details, required)))
        {
            StartNew();
        }
    }

    /// <summary>Saves the details, then the proof asked for the way the API's proof-required endpoint does, when it changed.</summary>
    private async Task SaveWithProofAsync(string? editing, SupplierDetails details, ProofRequirements required)
    {
        var saved = editing is null ? await Directory.CreateAsync(Actor, details) : await Directory.UpdateAsync(Actor, editing, details);
        if ((saved.ProofRequired ?? ProofRequirements.None) != required)
        {
            await Directory.SetProofRequirementsAsync(Actor, saved.Id, required);
        }
    }

    private async Task DeactivateAsync(SupplierRecord supplier)
    {
        if (await ConfirmAsync(
                $"Deactivate {supplier.Name}? It takes no new orders; its open orders go on, and you can activate it again.", "Deactivate supplier", "Yes, deactivate"))
        {
            await RunAsync($"{supplier.Name} deactivated", () => Directory.SetActiveAsync(Actor, supplier.Id, active: false));
        }
    }

    private Task ActivateAsync(SupplierRecord supplier) =>
        RunAsync($"{supplier.Name} takes orders again", () => Directory.SetActiveAsync(Actor, supplier.Id, active: true));

    /// <summary>The supplier form as typed; numbers stay text until saved, so nothing is coerced on the way.</summary>
    private sealed class SupplierDraft
    {
        public string? Name { get; set; }
        public string? TrackingPrefix { get; set; }
        public string? PickupAddress { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? Phone { get; set; }
        public string? Markup { get; set; }
        public bool AutoDispatch { get; set; } = true;
        public bool Photo { get; set; }
        public bool Signature { get; set; }
        public bool ReceiverName { get; set; }

        public ProofRequirements ProofRequired => new(Photo, Signature, ReceiverName);

        public static SupplierDraft From(SupplierRecord supplier) => new()
        {
            Name = supplier.Name,
            TrackingPrefix = supplier.TrackingPrefix,
            PickupAddress = supplier.PickupAddress,
            Latitude = supplier.Latitude?.ToString("R", CultureInfo.InvariantCulture),
            Longitude = supplier.Longitude?.ToString("R", CultureInfo.InvariantCulture),
            Phone = supplier.Phone,
            Markup = supplier.DefaultMarkupPercentage?.ToString(CultureInfo.InvariantCulture),
            AutoDispatch = supplier.AutoDispatch,
            Photo = supplier.ProofRequired?.Photo ?? false,
            Signature = supplier.ProofRequired?.Signature ?? false,
            ReceiverName = supplier.ProofRequired?.ReceiverName ?? false,
        };

        /// <summary>The details to save, or null when a number field holds something that is not a number (its message set beside it).</summary>
        public SupplierDetails? ToDetails(FieldErrors errors)
        {
            var latitude = Number(Latitude, LatitudeField, "Enter the latitude as a number, like 40.7128", errors, FormNumbers.ParseCoordinate);
            var longitude = Number(Longitude, LongitudeField, "Enter the longitude as a number, like -74.0060", errors, FormNumbers.ParseCoordinate);
            var markup = Number(Markup, MarkupField, "Enter the markup as a number of percent, like 30", errors, text => FormNumbers.ParseDecimal(text));
            return errors.Any ? null : new SupplierDetails(Name, TrackingPrefix, PickupAddress, latitude, longitude, Phone, markup, AutoDispatch: AutoDispatch);
        }

        private static T? Number<T>(string? text, string field, string message, FieldErrors errors, Func<string?, T?> parse)
            where T : struct
        {
            if (FormNumbers.IsBlank(text))
            {
                return null;
            }

            if (parse(text) is { } value)
            {
                return value;
            }

            errors.Set(field, message);
            return null;
        }
    }
}
