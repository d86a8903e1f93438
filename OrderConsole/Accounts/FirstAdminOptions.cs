namespace OrderConsole.Accounts;

/// <summary>
/// <c>Admin:UserName</c> and <c>Admin:Password</c> (the first admin, created at start) and <c>Setup:CodeFile</c>
/// (where the setup code goes: by default <c>setup-code.txt</c> in <c>Storage:DataPath</c>, else in the temporary folder).
/// </summary>
public sealed record FirstAdminOptions(string? UserName, string? Password, string CodeFile)
{
    public const string CodeFileName = "setup-code.txt";

    public static FirstAdminOptions From(IConfiguration configuration)
    {
        static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
        var codeFile = Setting(configuration["Setup:CodeFile"])
            ?? Path.Combine(Setting(configuration["Storage:DataPath"]) ?? Path.Combine(Path.GetTempPath(), "orderconsole"), CodeFileName);
        return new FirstAdminOptions(Setting(configuration["Admin:UserName"]), Setting(configuration["Admin:Password"]), codeFile);
    }
}
