using OrderConsole.Hosting;

namespace OrderConsole.Accounts;

/// <summary>
/// <c>Admin:UserName</c> and <c>Admin:Password</c> (the first admin, created at start) and <c>Setup:CodeFile</c>
/// (where the setup code goes: by default <c>setup-code.txt</c> in the data folder, or in the temporary folder when
/// the embedded store is volatile).
/// </summary>
public sealed record FirstAdminOptions(string? UserName, string? Password, string CodeFile)
{
    public const string CodeFileName = "setup-code.txt";

    public static FirstAdminOptions From(IConfiguration configuration, string contentRoot)
    {
        static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
        var codeFile = Setting(configuration["Setup:CodeFile"])
            ?? Path.Combine(EmbeddedStoreSettings.DataFolder(configuration, contentRoot) ?? Path.Combine(Path.GetTempPath(), "orderconsole"), CodeFileName);
        return new FirstAdminOptions(Setting(configuration["Admin:UserName"]), Setting(configuration["Admin:Password"]), codeFile);
    }
}
