using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OrderConsole.Core.Users;

namespace OrderConsole.Accounts;

/// <summary>
/// Keeps data-protection keys in the console's store, so a cookie issued by one instance is readable by all.
/// The framework's repository contract is synchronous; it reads rarely (keys are cached), so blocking is acceptable.
/// </summary>
public sealed class StoreKeyRepository(IKeyRingStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. keys.GetAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        keys.StoreAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
