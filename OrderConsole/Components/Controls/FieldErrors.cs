namespace OrderConsole.Components.Controls;

/// <summary>The messages to show next to form fields, keyed by the field's wire name.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    public string? this[string field] => _messages.GetValueOrDefault(field);

    public bool Any => _messages.Count > 0;

    /// <summary>Whether <paramref name="field"/> has a message, for a field's error state.</summary>
    public bool Has(string field) => _messages.ContainsKey(field);

    public int Count => _messages.Count;

    public void Set(string field, string message) => _messages[field] = message;

    public void Clear() => _messages.Clear();
}
