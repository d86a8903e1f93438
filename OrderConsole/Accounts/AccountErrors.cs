namespace OrderConsole.Accounts;

/// <summary>
/// An account change was refused and nothing changed. <see cref="Field"/> names the form field at fault
/// (its wire name, e.g. <c>password</c>) when the input is to blame; otherwise it is null.
/// </summary>
public class AccountChangeException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>The caller may not administer accounts: only a current, enabled admin may.</summary>
public sealed class AccountForbiddenException(string message) : AccountChangeException(message);
