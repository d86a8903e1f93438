using System.Runtime.CompilerServices;

namespace OrderConsole.Tests.Support;

/// <summary>
/// Every console these tests host runs its embedded store volatile (no data folder), so tests never share data
/// through a journal; a test that wants one sets <c>Storage:DataPath</c> to a folder of its own. An environment
/// variable cannot be empty, so it is blank, which the console reads the same way.
/// </summary>
internal static class VolatileStoreByDefault
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting must be in place before any test hosts a console.")]
    internal static void Apply()
    {
        if (Environment.GetEnvironmentVariable("Storage__DataPath") is null)
        {
            Environment.SetEnvironmentVariable("Storage__DataPath", " ");
        }
    }
}
