using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using OrderConsole.Accounts;
using OrderConsole.Components.Controls;
using OrderConsole.Components.Layout;
using OrderConsole.Core.Drivers;
using OrderConsole.Core.Live;

namespace OrderConsole.Components.Pages;

/// <summary>The admin's user list: create users, change their roles and bindings, disable or enable them, reset passwords.</summary>
public partial class AdminUsers : ComponentBase
{
    private const string UserNameField = "user_name";
    private const string PasswordField = "password";

    private readonly FieldErrors _createErrors = new();
    private readonly FieldErrors _editErrors = new();
    private ClaimsPrincipal _caller = new();
    private string? _me;
    private IReadOnlyList<AccountSummary> _users = [];
    private IReadOnlyList<Core.Orders.Supplier> _suppliers = [];
    private IReadOnlyList<Driver> _drivers = [];
    private string? _selectedId;

    private string? _newName;
    private string? _newPassword;
    private AccessDraft _newAccess = new();
    private AccessDraft _editAccess = new();
    private string? _resetPassword;

    [Inject] private UserAdministration Administration { get; set; } = default!;

    [Inject] private LiveOrders Live { get; set; } = default!;

    [Inject] private CommandRunner Commands { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The viewer's time zone, cascaded by the layout; lock-out ends read on the viewer's clock.</summary>
    [CascadingParameter] private ViewerTime? Viewer { get; set; }

    private AccountSummary? Selected => _users.FirstOrDefault(user => user.Id == _selectedId);

    protected override async Task OnInitializedAsync()
    {
        _caller = (await (AuthenticationState ?? throw new InvalidOperationException("no authentication state"))).User;
        _me = _caller.FindFirstValue(ClaimTypes.NameIdentifier);
        _suppliers = Live.Suppliers();
        _drivers = Live.Drivers();
        _users = await Administration.ListAsync(_caller);
    }

    private string Binding(AccountSummary user)
    {
        var supplier = user.SupplierId is { } supplierId ? _suppliers.FirstOrDefault(candidate => candidate.Id == supplierId)?.Name ?? supplierId : null;
        var driver = user.DriverId is { } driverId ? _drivers.FirstOrDefault(candidate => candidate.Id == driverId)?.Name ?? driverId : null;
        return string.Join(", ", new[] { supplier, driver }.OfType<string>());
    }

    private string State(AccountSummary user) =>
        user.IsDisabled ? "disabled"
        : user.LockedUntil is { } until ? $"locked until {(Viewer ?? ViewerTime.Utc).Clock(until)}"
        : "active";

    private void Open(AccountSummary user)
    {
        _selectedId = user.Id;
        _editAccess = AccessDraft.From(user);
        _resetPassword = null;
        _editErrors.Clear();
    }

    private async Task CreateAsync()
    {
        AccountSummary? created = null;
        if (await RunAsync(_createErrors, () => $"User {created?.UserName} created", async () =>
            created = await Administration.CreateAsync(_caller, new NewUser(_newName, _newPassword, _newAccess.ToAccess()))))
        {
            (_newName, _newPassword, _newAccess) = (null, null, new AccessDraft());
        }
    }

    private Task SaveAccessAsync() =>
        RunAsync(_editErrors, () => $"Roles of {Selected?.UserName} saved; their open sessions end within a minute",
            () => Administration.ChangeAccessAsync(_caller, _selectedId!, _editAccess.ToAccess()));

    private async Task ResetPasswordAsync()
    {
        var name = Selected?.UserName;
        if (await ConfirmAsync($"Set a new password for {name}? Their old password and open sessions stop working.", "Reset password", "Yes, reset")
            && await RunAsync(_editErrors, () => $"Password of {name} reset", () => Administration.ResetPasswordAsync(_caller, _selectedId!, _resetPassword)))
        {
            _resetPassword = null;
        }
    }

    private async Task DisableAsync()
    {
        var name = Selected?.UserName;
        if (await ConfirmAsync($"Disable {name}? They cannot sign in, and their open sessions end within a minute.", "Disable user", "Yes, disable"))
        {
            await RunAsync(_editErrors, () => $"{name} disabled", () => Administration.DisableAsync(_caller, _selectedId!));
        }
    }

    private Task EnableAsync() =>
        RunAsync(_editErrors, () => $"{Selected?.UserName} can sign in again", () => Administration.EnableAsync(_caller, _selectedId!));

    private Task<bool> ConfirmAsync(string question, string title, string yes) => Commands.ConfirmAsync(question, title, yes);

    /// <summary>Runs an account command through the console's command runner; success reloads the list.</summary>
    private async Task<bool> RunAsync(FieldErrors errors, Func<string> success, Func<Task> command)
    {
        if (!await Commands.RunAsync(errors, success, command))
        {
            return false;
        }

        _users = await Administration.ListAsync(_caller);
        return true;
    }
}
