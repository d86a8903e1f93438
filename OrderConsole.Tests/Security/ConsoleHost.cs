using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderConsole.Tests.Security;

/// <summary>The console hosted in-process with the settings a test names, on top of the shipped ones.</summary>
public sealed partial class ConsoleHost(string environment, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    /// <summary>Anything else the test changes about the host.</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Configure?.Invoke(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The antiforgery token a server-rendered form carries.</summary>
    public static string FormToken(string html) => AntiforgeryToken().Match(html).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
